package io.leadflow.scoring.domain.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A band of leads of similar predicted conversion, with how many of them did convert: a well calibrated model's
 * predicted and observed rates agree band by band. The leads are sorted by prediction and cut into bands of equal
 * size (the first bands one larger when they do not divide evenly).
 *
 * @param band 1 for the lowest predictions
 * @param leads how many leads are in it
 * @param predictedFrom its lowest prediction
 * @param predictedTo its highest prediction
 * @param predicted the mean predicted conversion of its leads
 * @param observed the share of its leads that converted
 */
public record CalibrationBand(int band, int leads, double predictedFrom, double predictedTo, double predicted, double observed) {

    /** The leads cut into at most {@code bands} bands (fewer when there are fewer leads). */
    public static List<CalibrationBand> of(double[] predicted, boolean[] converted, int bands) {
        int n = predicted.length;
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> predicted[i])).mapToInt(Integer::intValue).toArray();
        int count = Math.min(bands, n);
        List<CalibrationBand> table = new ArrayList<>(count);
        int start = 0;
        for (int band = 0; band < count; band++) {
            int size = n / count + (band < n % count ? 1 : 0);
            double sum = 0;
            int hits = 0;
            for (int k = start; k < start + size; k++) {
                sum += predicted[order[k]];
                hits += converted[order[k]] ? 1 : 0;
            }
            table.add(new CalibrationBand(band + 1, size, predicted[order[start]], predicted[order[start + size - 1]], sum / size,
                    (double) hits / size));
            start += size;
        }
        return table;
    }
}
