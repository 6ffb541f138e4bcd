package io.leadflow.scoring.domain;

import java.time.Instant;
import java.util.Map;

/**
 * The part of a lead's stored ledger that counting its engagements from {@code after} on reads, once the lead keeps
 * its decayed sums ({@link DecayedTotal}): the entries later than {@code after}, which make an engagement late, and
 * each capped rule's entries inside its cap's window before {@code after}, which caps count. A hot lead's older
 * entries need not be read at all.
 *
 * @param after the earliest engagement to count
 * @param capped per capped rule id, the moment after which its entries count towards its cap
 */
public record LedgerNeed(Instant after, Map<String, Instant> capped) {

    public LedgerNeed {
        capped = Map.copyOf(capped);
    }

    /** The earliest moment after which counting reads entries. */
    public Instant earliest() {
        return capped.values().stream().reduce(after, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** True when counting reads this entry. */
    public boolean includes(LedgerEntry entry) {
        Instant capStart = capped.get(entry.ruleId());
        return entry.occurredAt().isAfter(after) || capStart != null && entry.occurredAt().isAfter(capStart);
    }
}
