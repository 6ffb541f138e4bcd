package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.Rates;
import io.leadflow.handoff.persistence.HandoffReports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SLA compliance of the handoffs made in a period, in all and per rep (the rep holding each handoff).
 *
 * @param total every handoff of the period
 * @param byRep per rep, alphabetically
 */
public record SlaReport(Instant from, Instant to, Figures total, List<Figures> byRep) {

    /**
     * @param rep null in the total
     * @param met first acted on before the first due time
     * @param breached escalated, lapsed, acted on late, or untouched past the due time
     * @param running untouched and not yet due: counted in neither
     * @param compliancePercent met out of met and breached; null while none is decided
     * @param medianTimeToFirstAction from handoff to first sales action, of those acted on
     * @param p90TimeToFirstAction nine in ten were acted on within this
     */
    public record Figures(String rep, long handoffs, long met, long breached, long running, Double compliancePercent,
            Duration medianTimeToFirstAction, Duration p90TimeToFirstAction) {

        static Figures of(HandoffReports.SlaRow row) {
            return new Figures(row.key(), row.handoffs(), row.met(), row.breached(), row.handoffs() - row.met() - row.breached(),
                    Rates.percent(row.met(), row.met() + row.breached()), duration(row.medianSeconds()), duration(row.p90Seconds()));
        }

        private static Duration duration(Double seconds) {
            return seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000));
        }
    }

    static SlaReport of(ReportPeriod period, List<HandoffReports.SlaRow> rows) {
        Figures total = rows.stream().filter(row -> row.key() == null).findFirst().map(Figures::of)
                .orElse(new Figures(null, 0, 0, 0, 0, null, null, null));
        return new SlaReport(period.from(), period.to(), total,
                rows.stream().filter(row -> row.key() != null).map(Figures::of).toList());
    }
}
