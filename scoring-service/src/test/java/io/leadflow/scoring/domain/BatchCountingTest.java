package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.capped;
import static io.leadflow.scoring.domain.Models.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Decay;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchCountingTest {

    private static final Duration LAG = Duration.ofSeconds(90);

    private final LeadScorer scorer = new LeadScorer(1, Models.model(List.of(
            rule("view", EngagementType.PAGE_VIEWED, 5),
            capped("open", EngagementType.EMAIL_OPENED, 3, 2, Duration.ofDays(1))),
            new Decay(Map.of(), Duration.ofDays(30))));

    private record StoredLead(UUID id, LeadStanding standing, boolean keepsDecayedSums, RescoreCheckpoint rescoreCheckpoint)
            implements CountedLead {
    }

    private final Engagement open = Engagements.at("e1", EngagementType.EMAIL_OPENED, Engagements.NOON);
    private final Engagement view = Engagements.at("e2", EngagementType.PAGE_VIEWED, Engagements.NOON.plusSeconds(60));

    @Test
    void aNewLeadReadsNothingAndItsEngagementsAreItsWholeLedger() {
        // given a batch of a lead first seen in it
        StoredLead fresh = lead(true);
        BatchCounting<StoredLead> counting = new BatchCounting<>(Map.of(fresh, List.of(open, view)), Set.of(fresh), scorer,
                Engagements.NOON, LAG);

        // then no ledger and no history is to be read
        assertThat(counting.ledgerReads().partial()).isEmpty();
        assertThat(counting.ledgerReads().whole()).isEmpty();
        counting.ledgersRead(Map.of());
        BatchCounting.HistoryReads histories = counting.historyReads();
        assertThat(histories.after()).isEmpty();
        assertThat(histories.whole()).isEmpty();

        // and once counted, both engagements are new ledger entries, worth 3 + 5
        counting.historiesRead(Map.of(), Map.of(), Map.of(), histories);
        counting.countAll();
        assertThat(counting.newEntries(fresh)).extracting(LedgerEntry::eventId).containsExactly("e1", "e2");
        assertThat(counting.results().get(fresh).ledger().stream().mapToInt(LedgerEntry::points).sum()).isEqualTo(8);
    }

    @Test
    void aLeadKeepingItsSumsReadsOnlyTheRecentLedgerAndOneWithoutReadsItAll() {
        // given two stored leads, one keeping its decayed sums and one stored before they were kept
        StoredLead keeping = lead(true);
        StoredLead old = lead(false);
        Map<StoredLead, List<Engagement>> byLead = new LinkedHashMap<>();
        byLead.put(keeping, List.of(view));
        byLead.put(old, List.of(view));
        BatchCounting<StoredLead> counting = new BatchCounting<>(byLead, Set.of(), scorer, Engagements.NOON, LAG);

        // then the first one's ledger is read as far as the open cap's day before the view, the other's whole
        BatchCounting.LedgerReads reads = counting.ledgerReads();
        assertThat(reads.partial()).containsExactly(keeping.id());
        assertThat(reads.whole()).containsExactly(old.id());
        assertThat(reads.need().capped().get("open")).isEqualTo(view.occurredAt().minus(Duration.ofDays(1)));
    }

    @Test
    void onlyALeadWithAnEngagementOlderThanItsLedgerReadsItsHistory() {
        // given a stored lead whose ledger holds the view, and an open that happened a minute before it arrives
        StoredLead stored = lead(true);
        BatchCounting<StoredLead> counting = new BatchCounting<>(Map.of(stored, List.of(open)), Set.of(), scorer, Engagements.NOON, LAG);
        LedgerEntry viewed = new LedgerEntry("e2", EngagementType.PAGE_VIEWED, "view", 5, "view", view.occurredAt(), null, 1);
        counting.ledgersRead(Map.of(stored.id(), List.of(viewed)));

        // then its whole history is to be read (it has no checkpoint)
        BatchCounting.HistoryReads histories = counting.historyReads();
        assertThat(histories.whole()).containsExactly(stored.id());

        // and counted on it, the ledger is the open and the view in the order they happened
        counting.historiesRead(Map.of(), Map.of(), Map.of(stored.id(), List.of(new RecordedEvent(view, 1))), histories);
        counting.countAll();
        assertThat(counting.results().get(stored).replaced()).isTrue();
        assertThat(counting.results().get(stored).ledger()).extracting(LedgerEntry::eventId).containsExactly("e1", "e2");
    }

    private static StoredLead lead(boolean keepsDecayedSums) {
        return new StoredLead(UUID.randomUUID(), new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of(), null),
                keepsDecayedSums, null);
    }
}
