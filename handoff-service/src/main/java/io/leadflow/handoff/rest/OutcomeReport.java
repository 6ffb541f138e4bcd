package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.Rates;
import io.leadflow.handoff.persistence.HandoffReports;
import io.leadflow.handoff.persistence.HandoffReports.Grouping;
import java.time.Instant;
import java.util.List;

/**
 * What sales did with the handoffs made in a period, in all, per rep and per lead source. Each
 * handoff is one MQL, so the qualified share is the MQL-to-SQL conversion.
 *
 * @param byRep per rep holding the handoff, alphabetically
 * @param bySource per lead source (the {@code leadSource}, {@code source} or {@code utm_source}
 *     trait; null for leads without one)
 */
public record OutcomeReport(Instant from, Instant to, Figures total, List<Figures> byRep, List<Figures> bySource) {

    /**
     * Counts and their shares of {@code handoffs}, in percent (null when there are none).
     *
     * @param key the rep or the source; null in the total
     * @param accepted accepted at some point (a lead qualified at once counts as accepted)
     */
    public record Figures(String key, long handoffs, long accepted, long rejected, long recycled, long qualified,
            Double acceptRate, Double rejectRate, Double recycleRate, Double mqlToSqlConversion) {

        static Figures of(HandoffReports.OutcomeRow row) {
            long all = row.handoffs();
            return new Figures(row.key(), all, row.accepted(), row.rejected(), row.recycled(), row.qualified(),
                    Rates.percent(row.accepted(), all), Rates.percent(row.rejected(), all), Rates.percent(row.recycled(), all),
                    Rates.percent(row.qualified(), all));
        }
    }

    static OutcomeReport of(ReportPeriod period, List<HandoffReports.OutcomeRow> rows) {
        Figures total = rows.stream().filter(row -> row.grouping() == Grouping.TOTAL).findFirst().map(Figures::of)
                .orElse(new Figures(null, 0, 0, 0, 0, 0, null, null, null, null));
        return new OutcomeReport(period.from(), period.to(), total, figures(rows, Grouping.REP), figures(rows, Grouping.SOURCE));
    }

    private static List<Figures> figures(List<HandoffReports.OutcomeRow> rows, Grouping grouping) {
        return rows.stream().filter(row -> row.grouping() == grouping).map(Figures::of).toList();
    }
}
