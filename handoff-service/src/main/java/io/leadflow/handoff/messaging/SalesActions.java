package io.leadflow.handoff.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.events.SalesAction;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.handoff.domain.HandoffAudience;
import io.leadflow.handoff.persistence.Handoff;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Applies a sales action to a handoff: updates it and adds its {@code handoff.status-changed.v1}
 * event (and, for actions taken here, the {@code sales.feedback.v1} for scoring) to the outbox, all
 * in the caller's transaction.
 */
@ApplicationScoped
public class SalesActions {

    private final HandoffRepository handoffs;
    private final Outbox outbox;
    private final HandoffEvents events;
    private final Clock clock;

    public SalesActions(HandoffRepository handoffs, Outbox outbox, HandoffEvents events, Clock clock) {
        this.handoffs = handoffs;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One sales action on a handoff.
     *
     * @param handoffId the handoff
     * @param action what sales did
     * @param reasonCode why; required for reject and recycle
     * @param actor who did it; null means the assignee
     * @param eventId the CloudEvent id of the status-changed event (and the base of the feedback's)
     * @param publishFeedback true when the action was taken here, so scoring has not heard of it yet
     */
    public record Command(UUID handoffId, SalesAction action, String reasonCode, String actor, String eventId,
            boolean publishFeedback) {
    }

    /**
     * Applies the command; the item is the changed handoff, or null when there is no such handoff.
     * Must run inside a transaction.
     *
     * @throws io.leadflow.handoff.domain.IllegalTransitionException when its status does not allow the action
     */
    public Uni<Handoff> apply(Command command) {
        return apply(command, assignee -> true);
    }

    /**
     * Applies the command if {@code mayActOn} allows it on the handoff's assignee; the item is null,
     * and nothing changes, when there is no such handoff or it does not.
     */
    public Uni<Handoff> apply(Command command, Predicate<String> mayActOn) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return handoffs.findById(command.handoffId(), LockModeType.PESSIMISTIC_WRITE).flatMap(handoff -> {
            if (handoff == null || !mayActOn.test(handoff.assignee())) {
                return Uni.createFrom().nullItem();
            }
            handoff.apply(command.action(), command.reasonCode(), now);
            String actor = command.actor() == null ? handoff.assignee() : command.actor();
            HandoffStatusChanged changed = new HandoffStatusChanged(handoff.id().toString(), handoff.leadId().toString(),
                    handoff.leadKey(), handoff.email(), HandoffStatusChanged.Status.valueOf(command.action().name()),
                    command.reasonCode(), actor, handoff.assignee(), null, now);
            Uni<Void> published = events.publish(handoff.leadKey(), command.eventId(), changed,
                    HandoffAudience.of(HandoffStatusChanged.TYPE, handoff.queue(), handoff.assignee()));
            // an account's handoff has no lead in scoring to move: sales' verdict on it stays here
            if (command.publishFeedback() && handoff.account() == null) {
                SalesFeedback feedback = new SalesFeedback(handoff.id().toString(), handoff.leadId().toString(),
                        handoff.leadKey(), handoff.email(), command.action(), command.reasonCode(), actor, now);
                published = published.flatMap(done -> outbox.add(Topics.SALES_FEEDBACK, handoff.leadKey(),
                        DeterministicIds.of("sales-feedback", command.eventId()), SalesFeedback.TYPE, feedback));
            }
            return published.replaceWith(handoff);
        });
    }
}
