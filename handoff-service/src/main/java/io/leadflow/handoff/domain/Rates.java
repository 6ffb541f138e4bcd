package io.leadflow.handoff.domain;

/** Shares as reports show them. */
public final class Rates {

    private Rates() {
    }

    /** {@code part} of {@code whole} in percent, to one decimal; null when there is no whole to divide. */
    public static Double percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return Math.round(part * 1000.0 / whole) / 10.0;
    }
}
