package io.leadflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server for tests: the one named by {@code LEADFLOW_TEST_POSTGRES_*}, a Testcontainers
 * one when Docker answers, or the local server on 127.0.0.1:5432 (user postgres, trust auth).
 * Each test run gets fresh databases, created on it by name.
 */
public final class SharedPostgres {

    private static Server server;

    private SharedPostgres() {
    }

    /** A server's address and credentials. */
    public record Server(String host, int port, String user, String password) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String reactiveUrl(String database) {
            return "postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = TestInfrastructure.env("LEADFLOW_TEST_POSTGRES_HOST")
                    .map(host -> new Server(host,
                            Integer.parseInt(TestInfrastructure.env("LEADFLOW_TEST_POSTGRES_PORT").orElse("5432")),
                            TestInfrastructure.env("LEADFLOW_TEST_POSTGRES_USER").orElse("postgres"),
                            TestInfrastructure.env("LEADFLOW_TEST_POSTGRES_PASSWORD").orElse("")))
                    .orElseGet(SharedPostgres::startOrLocal);
        }
        return server;
    }

    private static Server startOrLocal() {
        if (TestInfrastructure.dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword());
        }
        return new Server("127.0.0.1", 5432, "postgres", "");
    }

    /** Drops and re-creates {@code database}, so a test run starts from an empty schema. */
    public static Server freshDatabase(String database) {
        return execute(database, "drop database if exists " + database + " with (force)", "create database " + database);
    }

    /** Drops {@code database} and whatever is connected to it. */
    public static Server dropDatabase(String database) {
        return execute(database, "drop database if exists " + database + " with (force)");
    }

    private static Server execute(String database, String... statements) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        Server target = server();
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl("postgres"), target.user(), target.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + target.host() + ":" + target.port()
                    + " (start it, or set LEADFLOW_TEST_POSTGRES_HOST): " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * The Quarkus datasource settings for a fresh {@code database} on the shared server, with
     * {@code schema} as the search path of both the reactive and the JDBC (migration) connections.
     */
    public static Map<String, String> quarkusConfig(String name, String schema) {
        // -Dleadflow.test-database-suffix=_2 lets a second run of one module's tests (a CI rehearsal beside a
        // developer's run, say) work in databases of its own instead of dropping the first one's
        String database = name + System.getProperty("leadflow.test-database-suffix", "");
        Server target = freshDatabase(database);
        return Map.of(
                "quarkus.datasource.username", target.user(),
                "quarkus.datasource.password", target.password(),
                "quarkus.datasource.reactive.url", target.reactiveUrl(database) + "?search_path=" + schema,
                "quarkus.datasource.jdbc.url", target.jdbcUrl(database) + "?currentSchema=" + schema);
    }
}
