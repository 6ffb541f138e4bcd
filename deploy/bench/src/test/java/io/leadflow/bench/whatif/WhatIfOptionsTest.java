package io.leadflow.bench.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.bench.BenchOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WhatIfOptionsTest {

    @Test
    void whatIfRunsOnlyWhenNamedAndReadsItsOwnOptionsFromTheSameCommandLine() {
        String[] args = {"--scenario", "what-if", "--leads", "120000", "--scoring-url", "http://127.0.0.1:18082", "--scoring-pid", "42",
            "--follow-minutes", "6"};

        BenchOptions bench = BenchOptions.parse(args);
        WhatIfOptions whatIf = WhatIfOptions.parse(args);

        assertThat(bench.scenarios()).isEqualTo(List.of("what-if"));
        assertThat(bench.leads()).isEqualTo(120_000);
        assertThat(BenchOptions.parse().scenarios()).doesNotContain("what-if");
        assertThat(whatIf.scoringUrl()).isEqualTo("http://127.0.0.1:18082");
        assertThat(whatIf.healthUrl()).as("health on the management port, the API port + 1000, unless told").isEqualTo("http://127.0.0.1:19082");
        assertThat(whatIf.scoringPid()).isEqualTo(Optional.of(42L));
        assertThat(whatIf.followAtMost()).isEqualTo(Duration.ofMinutes(6));
        assertThat(WhatIfOptions.parse().databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/leadflow?currentSchema=scoring");
    }
}
