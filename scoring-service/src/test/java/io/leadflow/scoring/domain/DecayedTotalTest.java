package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecayedTotalTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration[] HALF_LIVES = {Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(90), null};

    private static LedgerEntry entry(String eventId, int points, Instant occurredAt, Duration halfLife) {
        return new LedgerEntry(eventId, EngagementType.PAGE_VIEWED, "rule", points, "why", occurredAt, halfLife, 1);
    }

    @Test
    void movedForwardEntryByEntryItGivesTheScoreOfTheLedgerAddedUpAfresh() {
        // given a thousand entries of four half-lives (one never fading) over two years, in time order
        Random random = new Random(7);
        List<LedgerEntry> ledger = new ArrayList<>();
        DecayedTotal total = DecayedTotal.empty(T0);
        Instant at = T0;
        for (int i = 0; i < 1000; i++) {
            at = at.plusSeconds(random.nextInt(2 * 24 * 3600));
            LedgerEntry entry = entry("e" + i, random.nextInt(41) - 10, at, HALF_LIVES[random.nextInt(HALF_LIVES.length)]);
            ledger.add(entry);

            // when the sums move to each entry and take it in
            total = total.at(at).plus(List.of(entry));

            // then they make the score of the whole ledger decayed afresh, every time
            assertThat(total.score()).isEqualTo(DecayedLedger.asOf(ledger, at).score());
        }
        Instant later = at.plus(Duration.ofDays(45));
        assertThat(total.at(later).score()).isEqualTo(DecayedLedger.asOf(ledger, later).score());
    }

    @Test
    void entriesThatNeverFadeKeepTheirPoints() {
        DecayedTotal total = DecayedTotal.of(List.of(entry("lasting", 10, T0, null), entry("fading", 40, T0, Duration.ofDays(30))), T0);

        assertThat(total.score()).isEqualTo(50);
        assertThat(total.at(T0.plus(Duration.ofDays(60))).score()).isEqualTo(10 + 10);
    }

    @Test
    void sumsCannotMoveBackInTime() {
        DecayedTotal total = DecayedTotal.empty(T0);

        assertThatThrownBy(() -> total.at(T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
