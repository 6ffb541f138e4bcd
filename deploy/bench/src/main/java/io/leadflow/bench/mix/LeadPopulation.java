package io.leadflow.bench.mix;

import java.util.Arrays;
import java.util.Random;

/**
 * The leads events are about, with a Zipf-like skew: lead {@code k} (from 0) is picked with weight
 * {@code 1 / (k + 1)^exponent}, so most leads show up a few times and a few are very active, as on
 * a real site (returning visitors, prospects deep in a buying cycle).
 */
public final class LeadPopulation {

    /** The skew the benchmark uses: with 10,000 leads the busiest 1% take about half the events. */
    public static final double DEFAULT_EXPONENT = 1.0;

    /** The leads known at a company, as in B2B: each company's account rolls up a few people. */
    public static final int LEADS_PER_COMPANY = 4;

    private final String runId;
    private final double[] cumulative;

    public LeadPopulation(String runId, int leads, double exponent) {
        if (leads < 1) {
            throw new IllegalArgumentException("at least one lead is needed");
        }
        this.runId = runId;
        this.cumulative = new double[leads];
        double sum = 0;
        for (int k = 0; k < leads; k++) {
            sum += 1 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
    }

    public int size() {
        return cumulative.length;
    }

    /** A lead's index, drawn by its weight. */
    public int nextIndex(Random random) {
        double draw = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, draw);
        return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
    }

    /**
     * The email of lead {@code index}, at its company's domain (its account's key); the run id keeps each run's leads apart
     * from earlier ones. Leads are spread over the companies by index, so the busiest leads work at different companies.
     */
    public String email(int index) {
        return "lead-" + index + "-" + runId + "@company-" + index % companies() + ".bench.example.com";
    }

    /** How many companies the leads work at. */
    public int companies() {
        return (cumulative.length + LEADS_PER_COMPANY - 1) / LEADS_PER_COMPANY;
    }
}
