package io.leadflow.scoring.messaging;

import io.leadflow.events.LeadIdentified;
import io.leadflow.events.LeadKeys;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.Identification;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.persistence.ErasedKeyRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadAliasRepository;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Makes an anonymous visitor known, inside the caller's transaction: the anonymous lead's history
 * moves into the known lead (created on first sight), the identification's traits join it, the
 * anonymous id becomes an alias of the known lead (its later events count there), and the known
 * lead's whole history is scored afresh with the active model.
 */
@ApplicationScoped
public class IdentityMerging {

    private final ActiveScoringModel model;
    private final LeadRepository leads;
    private final LeadAliasRepository aliases;
    private final LeadHistoryRepository history;
    private final LedgerRepository ledger;
    private final ErasedKeyRepository erasure;
    private final LeadRescoring rescoring;
    private final Clock clock;

    public IdentityMerging(ActiveScoringModel model, LeadRepository leads, LeadAliasRepository aliases, LeadHistoryRepository history,
            LedgerRepository ledger, ErasedKeyRepository erasure, LeadRescoring rescoring, Clock clock) {
        this.model = model;
        this.leads = leads;
        this.aliases = aliases;
        this.history = history;
        this.ledger = ledger;
        this.erasure = erasure;
        this.rescoring = rescoring;
        this.clock = clock;
    }

    /** Merges the identification {@code eventId}; must run in the transaction that records it as processed. */
    public Uni<Void> merge(String eventId, LeadIdentified identified) {
        String anonymousId = identified.anonymousId().trim();
        String anonymousKey = LeadKeys.of(null, anonymousId);
        LeadScorer scorer = model.scorer();
        Instant now = clock.instant();
        // the anonymous key's lock first, as an anonymous engagement takes it: neither can miss the other
        return leads.lockKey(anonymousKey)
                .flatMap(locked -> knownLead(LeadKeys.normalizeEmail(identified.email()), identified.occurredAt(), scorer, now))
                .flatMap(known -> known == null ? Uni.createFrom().voidItem() : leads.lockByKey(anonymousKey)
                        .flatMap(anonymous -> absorb(anonymous, known))
                        .flatMap(absorbed -> history.record(known.id(),
                                new Identification(eventId, identified.occurredAt(), identified.traits()), now))
                        .flatMap(recorded -> aliases.link(anonymousId, known.id(), now))
                        .flatMap(linked -> rescoring.rescore(known, scorer, eventId, now))
                        .replaceWithVoid());
    }

    /**
     * As {@link #merge}, for an engagement that named both the visitor and the person: nothing when the visitor is
     * already known as that lead (every later engagement of a signed-in visitor names both).
     */
    public Uni<Void> stitch(String eventId, LeadIdentified identified) {
        String anonymousId = identified.anonymousId().trim();
        String email = LeadKeys.normalizeEmail(identified.email());
        return aliases.leadsOf(List.of(anonymousId)).flatMap(linked -> {
            UUID linkedTo = linked.get(anonymousId);
            return linkedTo == null ? merge(eventId, identified) : leads.findByKey(email).flatMap(lead -> lead != null && lead.id().equals(linkedTo)
                    ? Uni.createFrom().voidItem() : merge(eventId, identified));
        });
    }

    // null when the identification happened before the lead was erased: it must not bring the lead back
    private Uni<Lead> knownLead(String email, Instant occurredAt, LeadScorer scorer, Instant now) {
        return leads.lockByKey(email).flatMap(found -> found != null
                ? Uni.createFrom().item(found)
                : erasure.allowsNewLead(email, occurredAt).flatMap(allowed -> allowed
                        // flushed now: the bulk statements that move the history refer to it
                        ? leads.persistAndFlush(new Lead(email, email, scorer.initialStage(true), now))
                        : Uni.createFrom().nullItem()));
    }

    // the anonymous lead's history becomes the known lead's; its ledger is rebuilt there, and it is gone
    private Uni<Void> absorb(Lead anonymous, Lead known) {
        if (anonymous == null) {
            return Uni.createFrom().voidItem();
        }
        return history.move(anonymous.id(), known.id())
                .flatMap(moved -> ledger.erase(anonymous.id()))
                .flatMap(erased -> leads.delete("id", anonymous.id()))
                .replaceWithVoid();
    }
}
