package io.leadflow.scoring.domain.calibration;

/**
 * How much better than average the leads a model qualifies convert: the conversion rate of the leads at or above the
 * MQL threshold over the conversion rate of all leads.
 *
 * @param qualified how many leads reached the threshold
 * @param leads how many leads there were
 * @param qualifiedConversion the share of the qualified leads that converted, or null when none qualified
 * @param overallConversion the share of all leads that converted
 * @param lift qualifiedConversion over overallConversion, or null when none qualified
 */
public record Lift(int qualified, int leads, Double qualifiedConversion, double overallConversion, Double lift) {

    public static Lift of(boolean[] qualifies, boolean[] converted) {
        int qualified = 0;
        int qualifiedConverted = 0;
        int allConverted = 0;
        for (int i = 0; i < converted.length; i++) {
            if (converted[i]) {
                allConverted++;
            }
            if (qualifies[i]) {
                qualified++;
                if (converted[i]) {
                    qualifiedConverted++;
                }
            }
        }
        double overall = converted.length == 0 ? 0 : (double) allConverted / converted.length;
        Double rate = qualified == 0 ? null : (double) qualifiedConverted / qualified;
        return new Lift(qualified, converted.length, rate, overall, rate == null || overall == 0 ? null : rate / overall);
    }
}
