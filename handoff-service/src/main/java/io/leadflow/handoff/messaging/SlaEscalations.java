package io.leadflow.handoff.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.HandoffSlaBreached;
import io.leadflow.events.HandoffSlaReminder;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.handoff.domain.HandoffAudience;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.domain.SalesQueue;
import io.leadflow.handoff.persistence.Handoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * What the SLA timer does with one offered handoff whose time has come, in the caller's
 * transaction: a reminder before the due time; after it, a breach that escalates the lead (to the
 * queue's next rep who can take it on the first breach, then to the queue's or rep's manager).
 * Event ids derive from the handoff and its due time, so a pass repeated after a crash publishes
 * the same ids.
 */
@ApplicationScoped
public class SlaEscalations {

    static final String ACTOR = "sla-timer";

    private final QueueDealer dealer;
    private final SlaReminders reminders;
    private final HandoffEvents events;

    public SlaEscalations(QueueDealer dealer, SlaReminders reminders, HandoffEvents events) {
        this.dealer = dealer;
        this.reminders = reminders;
        this.events = events;
    }

    public Uni<Void> handle(Handoff handoff, RoutingDocument document, Instant now) {
        return now.isBefore(handoff.slaDueAt()) ? remind(handoff, now) : breach(handoff, document, now);
    }

    private Uni<Void> remind(Handoff handoff, Instant now) {
        handoff.reminded(now);
        HandoffSlaReminder reminder = new HandoffSlaReminder(handoff.id().toString(), handoff.leadId().toString(),
                handoff.leadKey(), handoff.email(), handoff.assignee(), handoff.slaDueAt(), now);
        return events.publish(handoff.leadKey(), DeterministicIds.of("sla-reminder", handoff.id() + "/" + handoff.slaDueAt()),
                reminder, HandoffAudience.of(HandoffSlaReminder.TYPE, handoff.queue(), handoff.assignee()));
    }

    private Uni<Void> breach(Handoff handoff, RoutingDocument document, Instant now) {
        String previous = handoff.assignee();
        Instant lapsed = handoff.slaDueAt();
        String breachId = DeterministicIds.of("sla-breached", handoff.id() + "/" + lapsed);
        return nextOwner(handoff, document, now).flatMap(next -> {
            if (next == null || next.equals(previous)) {
                handoff.breachedWithoutEscalation(now);
                return events.publish(handoff.leadKey(), breachId, breached(handoff, previous, null, lapsed, null, now),
                        HandoffAudience.of(HandoffSlaBreached.TYPE, handoff.queue(), previous));
            }
            Instant due = document.slaOf(handoff.ruleMatched()).dueAt(now, document.slaHours(next, handoff.queue()));
            handoff.escalateTo(next, due, reminders.remindAt(now, due));
            HandoffStatusChanged reassigned = new HandoffStatusChanged(handoff.id().toString(), handoff.leadId().toString(),
                    handoff.leadKey(), handoff.email(), HandoffStatusChanged.Status.REASSIGNED, null, ACTOR, next, previous, now);
            return events.publish(handoff.leadKey(), breachId, breached(handoff, previous, next, lapsed, due, now),
                            HandoffAudience.of(HandoffSlaBreached.TYPE, handoff.queue(), previous, next))
                    .flatMap(done -> events.publish(handoff.leadKey(), DeterministicIds.of("sla-reassigned", handoff.id() + "/" + lapsed),
                            reassigned, HandoffAudience.of(HandoffStatusChanged.TYPE, handoff.queue(), next, previous)));
        });
    }

    /** The queue's next rep on the first breach of a queued lead; a manager after that, or for a rep's own lead. */
    private Uni<String> nextOwner(Handoff handoff, RoutingDocument document, Instant now) {
        Optional<SalesQueue> queue = handoff.queue() == null ? Optional.empty() : document.queue(handoff.queue());
        if (queue.isPresent() && handoff.escalations() == 0) {
            return dealer.deal(document, queue.get(), now, handoff.assignee());
        }
        String manager = queue.map(SalesQueue::manager).orElse(null);
        return Uni.createFrom().item(manager != null ? manager : document.rep(handoff.assignee()).manager());
    }

    private static HandoffSlaBreached breached(Handoff handoff, String assignee, String escalatedTo, Instant lapsed,
            Instant nextDue, Instant now) {
        return new HandoffSlaBreached(handoff.id().toString(), handoff.leadId().toString(), handoff.leadKey(), handoff.email(),
                assignee, escalatedTo, lapsed, nextDue, now);
    }
}
