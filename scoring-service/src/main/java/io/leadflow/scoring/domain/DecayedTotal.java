package io.leadflow.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ledger's decayed points added up as of one moment, one running sum per half-life, so that a lead's score can be
 * moved forward and extended in a few steps instead of decaying its whole ledger again for every engagement: decay
 * is exponential, so a sum of entries with one half-life h, all no later than t1, is at t2 its value at t1 times
 * 2^-((t2 - t1) / h), and an in-order engagement costs one such factor per half-life plus its own entries.
 *
 * @param asOf the moment the sums are for; every entry in them happened no later than it
 * @param lasting the sum of the entries that never fade
 * @param fading per half-life, the sum of its entries' decayed points at {@code asOf}
 */
public record DecayedTotal(Instant asOf, double lasting, Map<Duration, Double> fading) {

    public DecayedTotal {
        Objects.requireNonNull(asOf, "asOf");
        fading = Map.copyOf(fading);
    }

    /** Nothing counted yet, as of {@code asOf}. */
    public static DecayedTotal empty(Instant asOf) {
        return new DecayedTotal(asOf, 0, Map.of());
    }

    /** The entries (none later than {@code asOf}) added up from scratch. */
    public static DecayedTotal of(List<LedgerEntry> ledger, Instant asOf) {
        return empty(asOf).plus(ledger);
    }

    /** The same entries as of a later moment. */
    public DecayedTotal at(Instant later) {
        if (later.isBefore(asOf)) {
            throw new IllegalArgumentException("a decayed total cannot move back from " + asOf + " to " + later);
        }
        if (later.equals(asOf)) {
            return this;
        }
        long elapsed = Duration.between(asOf, later).toMillis();
        Map<Duration, Double> moved = new HashMap<>();
        fading.forEach((halfLife, sum) -> moved.put(halfLife, sum * Math.pow(0.5, (double) elapsed / halfLife.toMillis())));
        return new DecayedTotal(later, lasting, moved);
    }

    /** These sums with the entries added, each decayed to {@code asOf} as {@link LedgerEntry#decayedAt} does. */
    public DecayedTotal plus(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        double lastingSum = lasting;
        Map<Duration, Double> sums = new HashMap<>(fading);
        for (LedgerEntry entry : entries) {
            if (entry.halfLife() == null) {
                lastingSum += entry.decayedAt(asOf);
            } else {
                sums.merge(entry.halfLife(), entry.decayedAt(asOf), Double::sum);
            }
        }
        return new DecayedTotal(asOf, lastingSum, sums);
    }

    /** The engagement score these sums make: their total, rounded as {@link DecayedLedger} rounds a ledger's. */
    public int score() {
        double total = lasting;
        for (double sum : fading.values()) {
            total += sum;
        }
        return DecayedLedger.rounded(total);
    }
}
