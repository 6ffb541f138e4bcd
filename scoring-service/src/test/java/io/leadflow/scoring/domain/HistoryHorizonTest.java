package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HistoryHorizonTest {

    private static final Instant LATE_ON_NEW_YEARS_EVE = Instant.parse("2026-12-31T23:59:59Z");

    @Test
    void theMonthsKeptThisOneAndThoseAheadAreCreated() {
        assertThat(new HistoryHorizon(3, 2).monthsToCreate(LATE_ON_NEW_YEARS_EVE)).containsExactly(
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-01"));
    }

    @Test
    void withoutAHorizonTwoYearsBackAreCreated() {
        assertThat(new HistoryHorizon(0, 2).monthsToCreate(LATE_ON_NEW_YEARS_EVE))
                .hasSize(24 + 1 + 2).startsWith(LocalDate.parse("2024-12-01")).endsWith(LocalDate.parse("2027-02-01"));
    }

    @Test
    void thirteenMonthsKeptMeansThisMonthAndTheTwelveBefore() {
        assertThat(new HistoryHorizon(13, 2).cutoff(LATE_ON_NEW_YEARS_EVE)).contains(LocalDate.parse("2025-12-01"));
        assertThat(new HistoryHorizon(1, 2).cutoff(Instant.parse("2027-01-01T00:00:00Z"))).contains(LocalDate.parse("2027-01-01"));
    }

    @Test
    void noHorizonRetiresNothing() {
        assertThat(new HistoryHorizon(0, 2).cutoff(LATE_ON_NEW_YEARS_EVE)).isEmpty();
    }

    @Test
    void aNegativeHorizonOrNoMonthAheadIsRefused() {
        assertThatThrownBy(() -> new HistoryHorizon(-1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new HistoryHorizon(13, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
