package io.leadflow.bench.report;

/**
 * One measured figure.
 *
 * @param scenario which scenario measured it ({@code capture-single}, ...)
 * @param name what it is ({@code requests/s}, {@code p99}, ...)
 * @param value the figure
 * @param unit its unit ({@code events/s}, {@code ms}, {@code MB}, ...)
 * @param target the design target it is held against, as text ({@code >= 6000}), or null
 * @param ceilingRatio the figure divided by the ceiling's records/s of the same run, for rates; or null
 */
public record Figure(String scenario, String name, double value, String unit, String target, Double ceilingRatio) {

    public static Figure of(String scenario, String name, double value, String unit) {
        return new Figure(scenario, name, value, unit, null, null);
    }

    public Figure withTarget(String target) {
        return new Figure(scenario, name, value, unit, target, ceilingRatio);
    }

    public Figure withCeilingRatio(Double ratio) {
        return new Figure(scenario, name, value, unit, target, ratio);
    }
}
