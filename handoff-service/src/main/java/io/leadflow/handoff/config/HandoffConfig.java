package io.leadflow.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The built-in routing document, in force until one is stored with {@code PUT /v1/routing}. */
@ConfigMapping(prefix = "leadflow.handoff")
public interface HandoffConfig {

    /** The reps of the default queue, dealt new MQLs in round-robin order. */
    @WithDefault("ana,ben,cleo")
    List<String> reps();

    /** The default SLA: how long a rep has to accept an offered lead (ISO-8601 duration). */
    @WithDefault("PT4H")
    Duration sla();

    /** The default rule's name, recorded on each handoff it routes as the rule that matched. */
    @WithDefault("default-round-robin")
    String rule();

    /** How long before an SLA lapses its assignee is reminded (ISO-8601 duration). */
    @WithDefault("PT30M")
    Duration slaReminderBefore();

    /** How often the SLA timer looks for reminders and breaches that are due. */
    @WithDefault("10s")
    String slaPollInterval();

    /** The most handoffs one pass of the SLA timer handles; the rest wait for the next pass. */
    @WithDefault("50")
    int slaBatchSize();

    /** How often a live stream sends a keep-alive comment, so that proxies do not close it while idle. */
    @WithDefault("PT15S")
    Duration streamHeartbeat();

    /** How long a client whose stream dropped waits before reconnecting (the {@code retry} field the stream sends). */
    @WithDefault("PT3S")
    Duration streamReconnectDelay();

    /** How long handoff events are kept for webhook deliveries and live streams (ISO-8601; undelivered ones stay). */
    @WithDefault("P7D")
    Duration eventRetention();
}
