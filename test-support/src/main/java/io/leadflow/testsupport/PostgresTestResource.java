package io.leadflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a fresh real PostgreSQL database. Init args: {@code database} (for
 * example {@code scoring_test}), so each service's tests own their database, and {@code schema},
 * the service's schema (for example {@code scoring}), set as the connections' search path.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "leadflow_test";
    private String schema = "public";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        schema = initArgs.getOrDefault("schema", schema);
    }

    @Override
    public Map<String, String> start() {
        return SharedPostgres.quarkusConfig(database, schema);
    }

    @Override
    public void stop() {
        // the database is kept for inspection after a failed run; the next run drops it
    }
}
