package io.leadflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;

/**
 * A handoff moved on ({@code handoff.status-changed.v1} on {@link Topics#HANDOFFS}): sales accepted,
 * rejected, recycled or qualified it, or it was reassigned (an SLA escalation).
 *
 * @param handoffId the handoff it is about
 * @param leadId the lead's id in scoring-service
 * @param leadKey the record key
 * @param email the lead's email, when known
 * @param status what happened
 * @param reasonCode why, required for {@link Status#REJECTED} and {@link Status#RECYCLED}
 * @param actor who did it (a rep id, a sales tool, or {@code sla-timer} for an escalation)
 * @param assignee the handoff's assignee after the change
 * @param previousAssignee the assignee before a reassignment; null otherwise
 * @param occurredAt when it happened
 */
public record HandoffStatusChanged(
        String handoffId,
        String leadId,
        String leadKey,
        String email,
        Status status,
        String reasonCode,
        String actor,
        String assignee,
        String previousAssignee,
        Instant occurredAt) {

    public static final String TYPE = "handoff.status-changed.v1";

    /** Where the handoff stands after the change. */
    public enum Status {
        ACCEPTED("accepted"),
        REJECTED("rejected"),
        RECYCLED("recycled"),
        QUALIFIED("qualified"),
        REASSIGNED("reassigned");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        @JsonCreator
        static Status parse(String name) {
            return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown handoff status: " + name));
        }
    }
}
