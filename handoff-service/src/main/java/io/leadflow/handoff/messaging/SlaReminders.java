package io.leadflow.handoff.messaging;

import io.leadflow.handoff.config.HandoffConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** When an assignee is reminded: the configured time before the due time, but not before the offer. */
@ApplicationScoped
public class SlaReminders {

    private final HandoffConfig config;

    public SlaReminders(HandoffConfig config) {
        this.config = config;
    }

    public Instant remindAt(Instant offeredAt, Instant dueAt) {
        Instant remindAt = dueAt.minus(config.slaReminderBefore());
        return remindAt.isBefore(offeredAt) ? offeredAt : remindAt;
    }
}
