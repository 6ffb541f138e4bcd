package io.leadflow.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run measured: the machine, the options it ran with, every figure and free-text notes
 * (skipped scenarios, failures, lag verdicts).
 */
public final class Report {

    public static final String CEILING = "ceiling";

    private final String startedAt;
    private final Machine machine;
    private final Map<String, Object> options;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String startedAt, Machine machine, Map<String, Object> options) {
        this.startedAt = startedAt;
        this.machine = machine;
        this.options = options;
    }

    public void add(Figure figure) {
        figures.add(figure);
    }

    /** Adds a rate, with its ratio to the ceiling's records/s when the ceiling was measured. */
    public void addRate(Figure figure) {
        figures.add(figure.withCeilingRatio(ceilingRecordsPerSecond().map(ceiling -> figure.value() / ceiling).orElse(null)));
    }

    public void note(String note) {
        notes.add(note);
    }

    public Optional<Double> ceilingRecordsPerSecond() {
        return find(CEILING, "records/s").map(Figure::value);
    }

    public Optional<Figure> find(String scenario, String name) {
        return figures.stream().filter(f -> f.scenario().equals(scenario) && f.name().equals(name)).findFirst();
    }

    public String startedAt() {
        return startedAt;
    }

    public Machine machine() {
        return machine;
    }

    public Map<String, Object> options() {
        return options;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
