package io.leadflow.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How new MQLs are handed to sales. */
@ConfigMapping(prefix = "leadflow.handoff")
public interface HandoffConfig {

    /** The sales reps that new MQLs are dealt to, in round-robin order. */
    @WithDefault("ana,ben,cleo")
    List<String> reps();

    /** How long a rep has to accept an offered lead (ISO-8601 duration). */
    @WithDefault("PT4H")
    Duration sla();

    /** The routing rule's name, recorded on each handoff as the rule that matched. */
    @WithDefault("default-round-robin")
    String rule();
}
