package io.leadflow.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseBackendsTest {

    private final DatabaseBackends leadflow = new DatabaseBackends("leadflow");

    @Test
    void a_backend_of_the_database_is_found_by_its_title_with_or_without_a_cluster_name() {
        assertThat(leadflow.serves("postgres: 15/main: postgres leadflow 127.0.0.1(35278) idle\0\0")).isTrue();
        assertThat(leadflow.serves("postgres: postgres leadflow 127.0.0.1(35278) INSERT")).isTrue();
    }

    @Test
    void other_databases_the_servers_own_processes_and_other_programs_are_not() {
        assertThat(leadflow.serves("postgres: 15/main: postgres leadflow_test 127.0.0.1(35278) idle")).isFalse();
        assertThat(leadflow.serves("postgres: 15/main: postgres scoring_test 127.0.0.1(1) idle")).isFalse();
        assertThat(leadflow.serves("postgres: 15/main: walwriter ")).isFalse();
        assertThat(leadflow.serves("/usr/lib/postgresql/15/bin/postgres\0-D\0leadflow ")).isFalse();
    }

    @Test
    void the_cpu_between_two_readings_counts_a_backend_that_started_in_between_whole() {
        Map<Long, Double> before = Map.of(10L, 1.0, 11L, 2.0);
        Map<Long, Double> after = Map.of(10L, 1.5, 11L, 2.25, 12L, 0.5);

        assertThat(DatabaseBackends.usedBetween(before, after)).isEqualTo(1.25);
    }
}
