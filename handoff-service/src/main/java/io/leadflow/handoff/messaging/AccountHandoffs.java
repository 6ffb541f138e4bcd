package io.leadflow.handoff.messaging;

import io.leadflow.events.AccountStageChanged;
import io.leadflow.events.DeterministicIds;
import io.leadflow.handoff.domain.LeadProfile;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.persistence.Handoff;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.leadflow.handoff.persistence.RoutingDocumentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Hands an account that became an MQA to sales, once per qualification, in the caller's transaction: routed by the
 * routing document in force as a lead of the account's domain would be, so a named-account rule ({@code emailDomains})
 * sends it to the account's owner, and an account handed off before goes back to whoever had it. The handoff is of its
 * own kind (it names the account, not a lead): it is not announced as {@code handoff.created.v1}, the contract of a
 * lead that crm-sync turns into a CRM lead; the owner finds it under {@code GET /v1/handoffs?account=}.
 */
@ApplicationScoped
public class AccountHandoffs {

    private final RoutingDocumentRepository documents;
    private final QueueDealer dealer;
    private final HandoffRepository handoffs;
    private final SlaReminders reminders;
    private final Clock clock;

    public AccountHandoffs(RoutingDocumentRepository documents, QueueDealer dealer, HandoffRepository handoffs, SlaReminders reminders,
            Clock clock) {
        this.documents = documents;
        this.dealer = dealer;
        this.handoffs = handoffs;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Makes the handoff of the account that {@code change} (CloudEvent id {@code stageChangeId}) made an MQA. */
    public Uni<Void> offer(String stageChangeId, AccountStageChanged change) {
        // the database keeps microseconds: round so that the row and what the API shows agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String account = change.account();
        return documents.current().flatMap(document -> handoffs.latestAssignee(Handoff.accountLeadKey(account)).flatMap(owner -> {
            // a CRM account id names no domain: only rules without one (territory-less, the default) can match it
            String domain = account.startsWith("crm:") ? null : account;
            LeadProfile profile = new LeadProfile(domain, null, null, null, change.score(), owner);
            RoutingDocument.Routed routed = document.route(profile);
            Uni<String> assignee = routed.target().queue() == null
                    ? Uni.createFrom().item(routed.target().rep())
                    : dealer.deal(document, routed.target().queue(), now);
            return assignee.flatMap(rep -> {
                Instant dueAt = routed.sla().dueAt(now, document.slaHours(rep, routed.target().queue()));
                Handoff handoff = Handoff.offeredToAccount(account, UUID.fromString(DeterministicIds.of("handoff", stageChangeId)),
                        change.score(), rep, routed.ruleName(), routed.target().queue(), dueAt, reminders.remindAt(now, dueAt),
                        stageChangeId, now);
                return handoffs.persist(handoff).replaceWithVoid();
            });
        }));
    }
}
