package io.leadflow.scoring.domain.calibration;

import io.leadflow.events.LifecycleStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sales' first verdict on a lead: what a calibration learns from. Sales accepting it (SAL) or anything further up
 * the funnel (SQL, opportunity, customer) is a conversion; recycling or disqualifying it is not. Only the first
 * verdict counts: the lead's points were then as the model counted them, before a recycling reweighted them.
 *
 * @param leadId the lead's id
 * @param email its normalized email, or null (fit rules read its domain)
 * @param converted true when sales took it up
 * @param at when sales gave the verdict: the moment its points are decayed to
 */
public record Outcome(String leadId, String email, boolean converted, Instant at) {

    public Outcome {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(at, "at");
    }

    /** Whether a move to {@code stage} is a conversion (true), a refusal (false) or no verdict of sales at all (empty). */
    public static Optional<Boolean> convertedBy(LifecycleStage stage) {
        return switch (stage) {
            case SAL, SQL, OPPORTUNITY, CUSTOMER -> Optional.of(true);
            case RECYCLED, DISQUALIFIED -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
