package io.leadflow.scoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A ledger as of one moment: each entry's decayed points, and the engagement score they add up to,
 * exactly.
 *
 * <p>Rounding: the score is the sum of the entries' exact decayed values rounded half up, after the sum is
 * rounded to a billionth of a point, so that adding the same entries in another order or in steps
 * ({@link DecayedTotal}) gives the same score despite floating-point error. Each
 * entry shows the floor of its exact value, and the units still missing to reach the score go, one
 * each, to the entries with the largest fractional parts (ties: earlier ledger position first), the
 * largest-remainder method. So every entry is within 1 of its exact value and the entries add up
 * to the score exactly.
 *
 * @param asOf the moment
 * @param score the engagement score at that moment
 * @param entries the ledger's entries with their decayed points, in ledger order
 */
public record DecayedLedger(Instant asOf, int score, List<DecayedEntry> entries) {

    // sums are compared at a billionth of a point: far above the drift of summing in steps, far below a point
    private static final double SNAP = 1e9;

    /**
     * @param entry the ledger entry
     * @param decayedPoints what is left of its points at {@code asOf}, rounded as described above
     */
    public record DecayedEntry(LedgerEntry entry, int decayedPoints) {
    }

    public DecayedLedger {
        entries = List.copyOf(entries);
    }

    public static DecayedLedger asOf(List<LedgerEntry> ledger, Instant asOf) {
        double[] exact = exactValues(ledger, asOf);
        int score = roundedSum(exact);
        int[] shown = new int[exact.length];
        int floors = 0;
        for (int i = 0; i < exact.length; i++) {
            shown[i] = (int) Math.floor(exact[i]);
            floors += shown[i];
        }
        int missing = score - floors;
        List<Integer> byRemainder = IntStream.range(0, exact.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> exact[i] - shown[i]).reversed().thenComparing(i -> i))
                .toList();
        for (int k = 0; k < missing; k++) {
            shown[byRemainder.get(k)]++;
        }
        List<DecayedEntry> entries = new ArrayList<>(ledger.size());
        for (int i = 0; i < exact.length; i++) {
            entries.add(new DecayedEntry(ledger.get(i), shown[i]));
        }
        return new DecayedLedger(asOf, score, entries);
    }

    /** The engagement score alone, as {@link #asOf} gives it, without sharing it out among the entries. */
    public static int scoreAsOf(List<LedgerEntry> ledger, Instant asOf) {
        return roundedSum(exactValues(ledger, asOf));
    }

    private static double[] exactValues(List<LedgerEntry> ledger, Instant asOf) {
        double[] exact = new double[ledger.size()];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = ledger.get(i).decayedAt(asOf);
        }
        return exact;
    }

    private static int roundedSum(double[] exact) {
        return rounded(sum(exact));
    }

    /** The score an exact decayed sum makes, as described above. */
    static int rounded(double exact) {
        return (int) Math.floor(Math.rint(exact * SNAP) / SNAP + 0.5);
    }

    // Kahan summation: the sum must not depend on floating-point drift across many small entries
    private static double sum(double[] values) {
        double sum = 0;
        double compensation = 0;
        for (double value : values) {
            double adjusted = value - compensation;
            double next = sum + adjusted;
            compensation = (next - sum) - adjusted;
            sum = next;
        }
        return sum;
    }
}
