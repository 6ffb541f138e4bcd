package io.leadflow.handoff.domain;

import java.time.Instant;
import java.util.List;

/**
 * The data of the {@code lead.erased} webhook event: a lead whose handoffs a subscriber may have received (with its
 * email and traits) was erased on request, and the subscriber must delete its copy. It names the lead and its handoffs
 * by the ids the earlier events carried, and nothing else of the lead.
 *
 * @param leadId the erased lead's id, as in its {@code handoff.created.v1}
 * @param handoffIds the lead's handoffs, as in their events
 * @param erasedAt when the lead was erased
 */
public record LeadErasureNotice(String leadId, List<String> handoffIds, Instant erasedAt) {

    /** The webhook event's CloudEvent type. */
    public static final String TYPE = "lead.erased";

    public LeadErasureNotice {
        handoffIds = List.copyOf(handoffIds);
    }
}
