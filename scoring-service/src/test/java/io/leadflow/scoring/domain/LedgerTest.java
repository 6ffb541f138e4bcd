package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static LedgerEntry entry(String eventId, int points, String occurredAt) {
        return new LedgerEntry(eventId, EngagementType.PAGE_VIEWED, "engagement-type", points, "why",
                Instant.parse(occurredAt), null, 1);
    }

    @Test
    void addsUpToTheScore() {
        Ledger ledger = new Ledger(List.of(entry("a", 5, "2026-01-01T00:00:00Z"), entry("b", -10, "2026-01-02T00:00:00Z"),
                entry("c", 60, "2026-01-03T00:00:00Z")));

        assertThat(ledger.total()).isEqualTo(55);
    }

    @Test
    void topContributionsAreTheLargestPositiveEntriesEarliestFirstAmongEquals() {
        // given
        Ledger ledger = new Ledger(List.of(
                entry("small", 5, "2026-01-01T00:00:00Z"),
                entry("late-twenty", 20, "2026-01-09T00:00:00Z"),
                entry("demo", 60, "2026-01-05T00:00:00Z"),
                entry("bounce", -10, "2026-01-02T00:00:00Z"),
                entry("early-twenty", 20, "2026-01-03T00:00:00Z"),
                entry("click", 10, "2026-01-04T00:00:00Z"),
                entry("open", 5, "2026-01-06T00:00:00Z"),
                entry("trial", 50, "2026-01-07T00:00:00Z")));

        // when
        List<LedgerEntry> top = ledger.topContributions(5);

        // then
        assertThat(top).extracting(LedgerEntry::eventId)
                .containsExactly("demo", "trial", "early-twenty", "late-twenty", "click");
    }

    @Test
    void lostPointsAreNoContribution() {
        Ledger ledger = new Ledger(List.of(entry("bounce", -10, "2026-01-02T00:00:00Z"), entry("view", 5, "2026-01-01T00:00:00Z")));

        assertThat(ledger.topContributions(5)).extracting(LedgerEntry::eventId).containsExactly("view");
    }
}
