package io.leadflow.handoff.messaging;

import io.leadflow.events.DeterministicIds;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.LeadStageChanged;
import io.leadflow.handoff.domain.HandoffAudience;
import io.leadflow.handoff.domain.LeadProfile;
import io.leadflow.handoff.domain.LeadSource;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.handoff.persistence.ErasedKeyRepository;
import io.leadflow.handoff.persistence.Handoff;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.handoff.persistence.RoutingDocumentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Hands a new MQL to sales: routes it by the routing document in force, stores the handoff with its
 * SLA and publishes the {@code handoff.created.v1} event, all in the caller's transaction,
 * so that either all of it happens once or none of it does. A lead erased after the change happened is not handed off:
 * its record is old (replayed, late, or a dead letter retried, which comes back through this same intake).
 */
@ApplicationScoped
public class MqlHandoffs {

    private static final Logger LOG = Logger.getLogger(MqlHandoffs.class);

    private final RoutingDocumentRepository documents;
    private final QueueDealer dealer;
    private final HandoffRepository handoffs;
    private final ContributionsJson contributions;
    private final HandoffEvents events;
    private final SlaReminders reminders;
    private final ErasedKeyRepository erasedKeys;
    private final Clock clock;

    public MqlHandoffs(RoutingDocumentRepository documents, QueueDealer dealer, HandoffRepository handoffs,
            ContributionsJson contributions, HandoffEvents events, SlaReminders reminders, ErasedKeyRepository erasedKeys, Clock clock) {
        this.reminders = reminders;
        this.erasedKeys = erasedKeys;
        this.documents = documents;
        this.dealer = dealer;
        this.handoffs = handoffs;
        this.contributions = contributions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the handoff of the lead that {@code change} (CloudEvent id {@code stageChangeId}) made
     * an MQL. Must run inside a transaction.
     */
    public Uni<Void> offer(String stageChangeId, LeadStageChanged change) {
        return erasedKeys.allowsNewLead(change.leadKey(), change.changedAt()).flatMap(allowed -> {
            if (!allowed) {
                LOG.infof("stage change %s is of lead %s, erased since: no handoff", stageChangeId, change.leadId());
                return Uni.createFrom().voidItem();
            }
            return handOff(stageChangeId, change);
        });
    }

    private Uni<Void> handOff(String stageChangeId, LeadStageChanged change) {
        // the database keeps microseconds: round so that the event and the stored row agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return documents.current().flatMap(document -> handoffs.latestAssignee(change.leadKey()).flatMap(owner -> {
            LeadProfile lead = LeadProfile.of(change.email(), change.traits(), change.score(), owner);
            RoutingDocument.Routed routed = document.route(lead);
            Uni<String> assignee = routed.target().queue() == null
                    ? Uni.createFrom().item(routed.target().rep())
                    : dealer.deal(document, routed.target().queue(), now);
            return assignee.flatMap(rep -> {
                HandoffCreated created = new HandoffCreated(
                        DeterministicIds.of("handoff", stageChangeId),
                        change.leadId(),
                        change.leadKey(),
                        change.email(),
                        change.traits(),
                        change.score(),
                        change.topContributions(),
                        rep,
                        routed.ruleName(),
                        routed.sla().dueAt(now, document.slaHours(rep, routed.target().queue())),
                        stageChangeId,
                        now);
                Handoff handoff = Handoff.offered(created, routed.target().queue(), LeadSource.of(change.traits()),
                        contributions.toColumn(created.topContributions()),
                        reminders.remindAt(now, created.slaDueAt()));
                return handoffs.persist(handoff)
                        .flatMap(saved -> events.publish(created.leadKey(), created.handoffId(), created,
                                HandoffAudience.of(HandoffCreated.TYPE, handoff.queue(), rep)));
            });
        }));
    }
}
