package io.leadflow.bench.whatif;

import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.bench.scenario.Scenario;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows scoring-service's database by {@code --leads} leads and {@code --backlog} history events with their ledger
 * entries ({@link HistoryFill#fillWithLedger}), and reports what it then holds: run before {@code catch-up} or
 * {@code pipeline} to measure counting against tables of tens of millions of rows, which the pipeline itself would
 * take days to write on the 2-core machine. Not part of {@code all}.
 */
public final class GrowScenario implements Scenario {

    private final WhatIfOptions options;
    private final int leads;
    private final int events;
    private final String run;

    /** @param run this run's tag, in the filled leads' keys */
    public GrowScenario(WhatIfOptions options, int leads, int events, String run) {
        this.options = options;
        this.leads = leads;
        this.events = events;
        this.run = run;
    }

    @Override
    public String name() {
        return "grow";
    }

    @Override
    public void run(Report report) throws Exception {
        try (Connection database = DriverManager.getConnection(options.databaseUrl(), options.databaseUser(), "")) {
            long start = System.nanoTime();
            HistoryFill.fillWithLedger(database, run, leads, events);
            report.add(Figure.of(name(), "fill (set-based SQL) time", (System.nanoTime() - start) / 1e9, "s"));
            for (String table : new String[] {"lead", "lead_event", "score_entry", "processed_event"}) {
                report.add(Figure.of(name(), table + " rows", count(database, "select count(*) from " + table), "rows"));
                // a partitioned table's own size is nothing: its partitions hold the rows
                report.add(Figure.of(name(), table + " size with indexes", count(database, "select pg_total_relation_size('" + table + "')"
                        + " + coalesce((select sum(pg_total_relation_size(inhrelid)) from pg_inherits where inhparent = '" + table
                        + "'::regclass), 0)") / 1e6, "MB"));
            }
        }
    }

    private static long count(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
