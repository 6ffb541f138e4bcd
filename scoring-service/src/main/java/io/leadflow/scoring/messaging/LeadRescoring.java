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
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.RecordedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores (locked) leads' whole stored histories afresh under one model version, inside the
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
        return rescoreAll(List.of(lead), scorer, causeId, now).map(changed -> changed == 1);
    }

    /**
     * Re-scores several (locked) leads in a fixed number of statements whatever their number: their histories read
     * together, their ledgers replaced by one delete and one insert, their announcements added at once.
     *
     * @return how many of them changed score or stage
     */
    public Uni<Integer> rescoreAll(List<Lead> leads, LeadScorer scorer, String causeId, Instant now) {
        if (leads.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> ids = leads.stream().map(Lead::id).toList();
        return history.historiesOf(ids).flatMap(histories -> {
            Map<UUID, List<LedgerEntry>> ledgers = new LinkedHashMap<>();
            List<Outbox.Event> announcements = new ArrayList<>();
            int changed = 0;
            for (Lead lead : leads) {
                List<RecordedEvent> events = histories.getOrDefault(lead.id(), List.of());
                Instant checkpointUpTo = events.isEmpty() ? null
                        : RescoreCheckpoint.latestFor(events.get(events.size() - 1).event().occurredAt(), checkpointLag);
                HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, lead.email(), null, List.of(), events, checkpointUpTo);
                LifecycleStage from = lead.stage();
                int scoreBefore = lead.score();
                lead.rescored(rescored, scorer.stageAfterRescoring(from, rescored, lead.email() != null), now);
                List<Outbox.Event> announced = ScoreEvents.rescored(lead, scoreBefore, from, rescored.ledger(), causeId, now);
                changed += announced.isEmpty() ? 0 : 1;
                announcements.addAll(announced);
                ledgers.put(lead.id(), rescored.ledger());
            }
            int changes = changed;
            // the old entries go first, so the ledger's key stays unique
            return ledger.erase(ids)
                    .flatMap(erased -> ledger.append(ledgers, now))
                    .flatMap(appended -> outbox.add(announcements, Announcements.RESCORING))
                    .replaceWith(changes);
        });
    }
}
