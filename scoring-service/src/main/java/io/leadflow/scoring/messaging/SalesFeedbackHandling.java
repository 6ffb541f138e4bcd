package io.leadflow.scoring.messaging;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.events.LifecycleStage;
import io.leadflow.events.SalesFeedback;
import io.leadflow.events.Topics;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.DecayedTotal;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.txmessaging.Outbox;
import io.leadflow.txmessaging.PoisonRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies sales' verdict on a lead inside the caller's transaction: the lead moves to the action's
 * stage, announced on the lifecycle topic; a recycled lead's ledger keeps only the share of its
 * points the model's recycle policy says, so the lead can qualify again.
 */
@ApplicationScoped
public class SalesFeedbackHandling {

    private final ActiveScoringModel model;
    private final LeadRepository leads;
    private final LedgerRepository ledger;
    private final LeadHistoryRepository history;
    private final Announcements outbox;
    private final Clock clock;

    public SalesFeedbackHandling(ActiveScoringModel model, LeadRepository leads, LedgerRepository ledger,
            LeadHistoryRepository history, Announcements outbox, Clock clock) {
        this.model = model;
        this.leads = leads;
        this.ledger = ledger;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies the feedback {@code eventId}; must run in the transaction that records the event as processed. */
    public Uni<Void> apply(String eventId, SalesFeedback feedback) {
        Instant now = clock.instant();
        return leads.findById(leadId(feedback))
                .onItem().ifNull().failWith(() -> new PoisonRecordException("sales feedback about an unknown lead " + feedback.leadId()))
                .flatMap(lead -> {
                    LifecycleStage from = lead.stage();
                    LifecycleStage to = feedback.action().stage();
                    if (from == to) {
                        return Uni.createFrom().voidItem();
                    }
                    return moveTo(lead, to, now).flatMap(moved -> {
                        LeadStageChanged change = new LeadStageChanged(lead.id().toString(), lead.leadKey(), lead.email(), from, to,
                                lead.score(), List.of(), lead.traits(), eventId, now, LeadStageChanged.BY_SALES);
                        return outbox.add(List.of(new Outbox.Event(Topics.LIFECYCLE, lead.leadKey(),
                                ScoreEvents.feedbackStageChangedId(eventId), LeadStageChanged.TYPE, change)), reason(feedback));
                    });
                });
    }

    private Uni<Void> moveTo(Lead lead, LifecycleStage to, Instant now) {
        if (to != LifecycleStage.RECYCLED) {
            lead.moveTo(to, lead.score(), now);
            return Uni.createFrom().voidItem();
        }
        double keeps = model.scorer().recycleKeeps();
        // the sums of the ledger as it will be, added up before the bulk update changes the rows
        return ledger.entriesOf(lead.id())
                .invoke(entries -> lead.recycle(to, lead.scoredAsOf() == null ? null
                        : DecayedTotal.of(entries.stream().map(entry -> entry.reweighted(keeps)).toList(), lead.scoredAsOf()), now))
                .call(entries -> ledger.reweight(lead.id(), keeps))
                .call(entries -> history.reweight(lead.id(), keeps))
                .replaceWithVoid();
    }

    /** The reason a lead's history gives: sales' action and, for a reject or recycle, its reason code. */
    private static String reason(SalesFeedback feedback) {
        String action = "sales " + feedback.action().wireName();
        return feedback.reasonCode() == null ? action : action + ": " + feedback.reasonCode();
    }

    private static UUID leadId(SalesFeedback feedback) {
        try {
            return UUID.fromString(feedback.leadId());
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new PoisonRecordException("sales feedback with a lead id that is no UUID: " + feedback.leadId());
        }
    }
}
