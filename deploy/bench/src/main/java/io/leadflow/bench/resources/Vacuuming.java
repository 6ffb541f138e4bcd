package io.leadflow.bench.resources;

import io.leadflow.bench.report.Report;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server with autovacuum off (as some development machines have it) keeps every dead row the outbox
 * relays leave (each outbox row is inserted, sent and deleted): run after run, its tables bloat and each relay pass
 * reads more, so a later run would measure the earlier runs' garbage. In production autovacuum runs; here the harness
 * vacuums the database itself before a scenario that reads it, and says so in the report.
 */
public final class Vacuuming {

    private Vacuuming() {
    }

    /** Vacuums the database when the server's autovacuum is off; notes what it did (or that it could not). */
    public static void beforeMeasuring(String scenario, String jdbcUrl, String user, Report report) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, null);
                Statement statement = connection.createStatement()) {
            try (ResultSet autovacuum = statement.executeQuery("show autovacuum")) {
                if (autovacuum.next() && "on".equals(autovacuum.getString(1))) {
                    return;
                }
            }
            long started = System.nanoTime();
            statement.execute("vacuum (analyze)");
            report.note(String.format("autovacuum is off on this PostgreSQL server (production runs it): the harness vacuumed the"
                    + " database before %s, in %.1f s", scenario, (System.nanoTime() - started) / 1e9));
        } catch (SQLException e) {
            report.note("could not check or vacuum the database before " + scenario + ": " + e.getMessage());
        }
    }
}
