package io.leadflow.scoring.messaging;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.HistoryRescorer;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.RescoreCheckpoint;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores a (locked) lead's whole stored history afresh under one model version, inside the
 * caller's transaction: the ledger is replaced, the lead takes the new scores, traits and stage,
 * and a changed score or stage is announced through the outbox. Identity merges and model replays
 * both end here. The lead keeps the re-score's checkpoint a lag behind its latest event (see
 * {@link RescoreCheckpoint}).
 */
@ApplicationScoped
public class LeadRescoring {

    private final LeadHistoryRepository history;
    private final LedgerRepository ledger;
    private final Announcements outbox;
    private final Duration checkpointLag;

    public LeadRescoring(LeadHistoryRepository history, LedgerRepository ledger, Announcements outbox,
            @ConfigProperty(name = "leadflow.scoring.rescore-checkpoint-lag") Duration checkpointLag) {
        this.history = history;
        this.ledger = ledger;
        this.outbox = outbox;
        this.checkpointLag = checkpointLag;
    }

    /**
     * @param causeId what made the lead be re-scored (an identification's event id, a replay job's id): the
     *     announcements' ids derive from it and the lead's id
     * @return true when the score or the stage changed
     */
    public Uni<Boolean> rescore(Lead lead, LeadScorer scorer, String causeId, Instant now) {
        return history.historyOf(lead.id()).flatMap(events -> {
            Instant checkpointUpTo = events.isEmpty() ? null
                    : RescoreCheckpoint.latestFor(events.get(events.size() - 1).event().occurredAt(), checkpointLag);
            HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, lead.email(), null, List.of(), events, checkpointUpTo);
            LifecycleStage from = lead.stage();
            int scoreBefore = lead.score();
            lead.rescored(rescored, scorer.stageAfterRescoring(from, rescored, lead.email() != null), now);
            List<Outbox.Event> announcements = ScoreEvents.rescored(lead, scoreBefore, from, rescored.ledger(), causeId, now);
            return ledger.replace(lead.id(), rescored.ledger(), now)
                    .flatMap(replaced -> outbox.add(announcements, Announcements.RESCORING))
                    .replaceWith(!announcements.isEmpty());
        });
    }
}
