package io.leadflow.bench.scenario;

import io.leadflow.bench.report.Report;

/** One part of a benchmark run; it adds its figures (and notes) to the report. */
public interface Scenario {

    String name();

    void run(Report report) throws Exception;
}
