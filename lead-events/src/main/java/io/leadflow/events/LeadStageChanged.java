package io.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lead moved to another lifecycle stage ({@code lead.stage-changed.v1} on
 * {@link Topics#LIFECYCLE}). It carries what the handoff needs, since handoff-service never reads
 * scoring-service's tables.
 *
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param from the stage before
 * @param to the stage after
 * @param score the engagement score at the change
 * @param topContributions the events that added most to the score, largest first
 * @param traits the lead's profile traits (company, country, ...)
 * @param causeEventId the CloudEvent id of the engagement that caused the change
 * @param changedAt when the change happened
 * @param reason why: {@link #BY_SCORE} (the thresholds were met), {@link #BY_HAND_RAISE} (the lead asked for sales and
 *     its fit was there), {@link #BY_SALES} (sales' feedback); null from producers that do not say
 */
public record LeadStageChanged(
        String leadId,
        String leadKey,
        String email,
        LifecycleStage from,
        LifecycleStage to,
        int score,
        List<Contribution> topContributions,
        Map<String, Object> traits,
        String causeEventId,
        Instant changedAt,
        String reason) {

    public static final String TYPE = "lead.stage-changed.v1";
    public static final String BY_SCORE = "score";
    public static final String BY_HAND_RAISE = "hand-raise";
    public static final String BY_SALES = "sales-feedback";

    /** A change that does not say why. */
    public LeadStageChanged(String leadId, String leadKey, String email, LifecycleStage from, LifecycleStage to, int score,
            List<Contribution> topContributions, Map<String, Object> traits, String causeEventId, Instant changedAt) {
        this(leadId, leadKey, email, from, to, score, topContributions, traits, causeEventId, changedAt, null);
    }

    public LeadStageChanged {
        topContributions = topContributions == null ? List.of() : List.copyOf(topContributions);
        traits = JsonMaps.withoutNulls(traits);
    }
}
