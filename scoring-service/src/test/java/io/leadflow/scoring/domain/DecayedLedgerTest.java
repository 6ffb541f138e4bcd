package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecayedLedgerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LedgerEntry entry(String eventId, int points, Instant occurredAt, Duration halfLife) {
        return new LedgerEntry(eventId, EngagementType.PAGE_VIEWED, "rule", points, "why", occurredAt, halfLife, 1);
    }

    @Test
    void pointsHalveWithEachHalfLife() {
        LedgerEntry entry = entry("e1", 40, T0, Duration.ofDays(30));

        assertThat(DecayedLedger.asOf(List.of(entry), T0).score()).isEqualTo(40);
        assertThat(DecayedLedger.asOf(List.of(entry), T0.plus(Duration.ofDays(30))).score()).isEqualTo(20);
        assertThat(DecayedLedger.asOf(List.of(entry), T0.plus(Duration.ofDays(60))).score()).isEqualTo(10);
    }

    @Test
    void eachTypeFadesAtItsOwnPace() {
        // given a demo request (90-day half-life) and a page view (30-day half-life) of equal points
        LedgerEntry demo = entry("demo", 40, T0, Duration.ofDays(90));
        LedgerEntry view = entry("view", 40, T0, Duration.ofDays(30));

        // when 90 days pass
        DecayedLedger ledger = DecayedLedger.asOf(List.of(demo, view), T0.plus(Duration.ofDays(90)));

        // then the demo keeps half, the view an eighth
        assertThat(ledger.entries()).extracting(DecayedLedger.DecayedEntry::decayedPoints).containsExactly(20, 5);
        assertThat(ledger.score()).isEqualTo(25);
    }

    @Test
    void entriesWithoutAHalfLifeNeverFadeAndNoneGrowsBeforeItHappened() {
        LedgerEntry forever = entry("e1", 7, T0, null);
        LedgerEntry later = entry("e2", 8, T0.plus(Duration.ofDays(10)), Duration.ofDays(1));

        DecayedLedger ledger = DecayedLedger.asOf(List.of(forever, later), T0.plus(Duration.ofDays(5)));

        assertThat(ledger.entries()).extracting(DecayedLedger.DecayedEntry::decayedPoints).containsExactly(7, 8);
    }

    @Test
    void roundedEntriesAddUpExactlyToTheRoundedScore() {
        // given three entries of 10 points that are each 3.33... after decay
        Duration halfLife = Duration.ofDays(10);
        double halfLives = Math.log(3) / Math.log(2);
        Instant asOf = T0.plusMillis(Math.round(halfLives * halfLife.toMillis()));
        List<LedgerEntry> entries = List.of(entry("a", 10, T0, halfLife), entry("b", 10, T0, halfLife), entry("c", 10, T0, halfLife));

        // when
        DecayedLedger ledger = DecayedLedger.asOf(entries, asOf);

        // then the score is round(10) and the largest remainders (ties: first first) get the missing unit
        assertThat(ledger.score()).isEqualTo(10);
        assertThat(ledger.entries()).extracting(DecayedLedger.DecayedEntry::decayedPoints).containsExactly(4, 3, 3);
    }

    @Test
    void aRecycledEntryCountsOnlyItsWeight() {
        LedgerEntry entry = entry("e1", 40, T0, null);

        assertThat(DecayedLedger.asOf(List.of(entry.reweighted(0.25)), T0).score()).isEqualTo(10);
        assertThat(DecayedLedger.asOf(List.of(entry.reweighted(0)), T0).score()).isZero();
    }

    @Test
    void negativeEntriesRoundTheSameWay() {
        Duration halfLife = Duration.ofDays(1);
        List<LedgerEntry> entries = List.of(entry("plus", 5, T0, halfLife), entry("minus", -5, T0, halfLife));

        DecayedLedger ledger = DecayedLedger.asOf(entries, T0.plus(Duration.ofDays(1)));

        // 2.5 and -2.5: the score is 0 and the entries still add up to it
        assertThat(ledger.score()).isZero();
        assertThat(ledger.entries().stream().mapToInt(DecayedLedger.DecayedEntry::decayedPoints).sum()).isZero();
    }
}
