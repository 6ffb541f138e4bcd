package io.leadflow.handoff.messaging;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import java.time.Duration;

/** Handoffs made the way production makes them: an MQL stage change on the lifecycle topic. */
public final class Handoffs {

    private Handoffs() {
    }

    /** The {@code handoff.created.v1} event of a new MQL with this change. */
    public static ReceivedEvent create(LeadStageChanged change) {
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            String ceId = StageChanges.send(change);
            return handoffs.awaitEvents(1, StageChanges.qualifiedBy(ceId), Duration.ofSeconds(30)).get(0);
        }
    }

    /** The id of a new handoff of a new lead. */
    public static String create() {
        return create(StageChanges.toMql(StageChanges.newLeadEmail())).ceId();
    }
}
