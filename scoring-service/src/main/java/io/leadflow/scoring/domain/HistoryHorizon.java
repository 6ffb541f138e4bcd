package io.leadflow.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which months of history (and ledger) are stored, by the month an event happened in (UTC): the months from the
 * horizon up to this one, plus {@code monthsAhead} created in advance so that counting never waits for one. Months
 * before the horizon are retired: replay and the what-if preview then re-score what is left, so an event older than
 * the horizon no longer counts in them (a lead's score and stage as counted stay).
 *
 * @param horizonMonths how many months back, counting this one, are kept; 0 keeps every month
 * @param monthsAhead how many months after this one are created ahead
 */
public record HistoryHorizon(int horizonMonths, int monthsAhead) {

    public HistoryHorizon {
        if (horizonMonths < 0 || monthsAhead < 1) {
            throw new IllegalArgumentException("the history horizon needs 0 or more months kept and 1 or more ahead, not "
                    + horizonMonths + " and " + monthsAhead);
        }
    }

    /** Without a horizon, how many months back have their own partitions: older events share the default one. */
    static final int MONTHS_BACK_WITHOUT_HORIZON = 24;

    /**
     * The first day of each month that must have its partitions at {@code now}: the months kept (the horizon's, or two
     * years back without one), so that a backfill of older events lands in its months too, this one and those ahead.
     */
    public List<LocalDate> monthsToCreate(Instant now) {
        int back = horizonMonths == 0 ? MONTHS_BACK_WITHOUT_HORIZON : horizonMonths - 1;
        LocalDate first = monthOf(now).minusMonths(back);
        return Stream.iterate(first, month -> month.plusMonths(1)).limit(back + 1L + monthsAhead).toList();
    }

    /** The first day of the oldest month kept: everything that happened before it is retired. None when all is kept. */
    public Optional<LocalDate> cutoff(Instant now) {
        return horizonMonths == 0 ? Optional.empty() : Optional.of(monthOf(now).minusMonths(horizonMonths - 1L));
    }

    private static LocalDate monthOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
