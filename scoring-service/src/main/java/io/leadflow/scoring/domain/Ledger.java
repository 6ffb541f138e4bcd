package io.leadflow.scoring.domain;

import java.util.Comparator;
import java.util.List;

/** A lead's score ledger: every entry that makes up its score. */
public record Ledger(List<LedgerEntry> entries) {

    private static final Comparator<LedgerEntry> MOST_POINTS_FIRST = Comparator.comparingInt(LedgerEntry::points).reversed()
            .thenComparing(LedgerEntry::occurredAt)
            .thenComparing(LedgerEntry::eventId)
            .thenComparing(LedgerEntry::ruleId);

    public Ledger {
        entries = List.copyOf(entries);
    }

    /** The score the ledger adds up to. */
    public int total() {
        return entries.stream().mapToInt(LedgerEntry::points).sum();
    }

    /**
     * The {@code limit} entries that added most, largest first (earliest first among equals).
     * Entries that took points away are no contribution and never listed.
     */
    public List<LedgerEntry> topContributions(int limit) {
        return entries.stream()
                .filter(entry -> entry.points() > 0)
                .sorted(MOST_POINTS_FIRST)
                .limit(limit)
                .toList();
    }
}
