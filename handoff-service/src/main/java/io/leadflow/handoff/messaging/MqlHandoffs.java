package io.leadflow.handoff.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.Topics;
import io.leadflow.handoff.domain.Routing;
import io.leadflow.handoff.domain.SlaPolicy;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.handoff.persistence.Handoff;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.handoff.persistence.RoutingCursorRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Offers a new MQL to the rep whose turn it is: advances the queue's cursor, stores the handoff
 * with its SLA and adds the {@code handoff.created.v1} event to the outbox, all in the caller's
 * transaction, so that either all of it happens once or none of it does.
 */
@ApplicationScoped
public class MqlHandoffs {

    private final Routing routing;
    private final SlaPolicy sla;
    private final RoutingCursorRepository cursors;
    private final HandoffRepository handoffs;
    private final ContributionsJson contributions;
    private final Outbox outbox;
    private final Clock clock;

    public MqlHandoffs(Routing routing, SlaPolicy sla, RoutingCursorRepository cursors, HandoffRepository handoffs,
            ContributionsJson contributions, Outbox outbox, Clock clock) {
        this.routing = routing;
        this.sla = sla;
        this.cursors = cursors;
        this.handoffs = handoffs;
        this.contributions = contributions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Makes the handoff of the lead that {@code change} (CloudEvent id {@code stageChangeId}) made
     * an MQL. Must run inside a transaction.
     */
    public Uni<Void> offer(String stageChangeId, LeadStageChanged change) {
        // the database keeps microseconds: round so that the event and the stored row agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return cursors.lockOrCreate(routing.queue(), now).flatMap(cursor -> {
            Routing.Decision decision = routing.route(cursor.position());
            cursor.advanceTo(decision.nextCursor(), now);
            HandoffCreated created = new HandoffCreated(
                    DeterministicIds.of("handoff", stageChangeId),
                    change.leadId(),
                    change.leadKey(),
                    change.email(),
                    change.score(),
                    change.topContributions(),
                    decision.assignee(),
                    decision.ruleMatched(),
                    sla.dueAt(now),
                    stageChangeId,
                    now);
            return handoffs.persist(Handoff.offered(created, contributions.toColumn(created.topContributions())))
                    .flatMap(saved -> outbox.add(Topics.HANDOFFS, created.leadKey(), created.handoffId(),
                            HandoffCreated.TYPE, created));
        });
    }
}
