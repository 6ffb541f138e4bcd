package io.leadflow.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointBodyLimitsTest {

    private final EndpointBodyLimits limits = new EndpointBodyLimits(16_384,
            Map.of("/v1/routing", 262_144L, "/v1/inbound/.*", 131_072L, "/v1/inbound/hubspot", 65_536L));

    @Test
    void a_path_no_limit_names_takes_the_default() {
        assertThat(limits.limitOf("/v1/handoffs/42/accept")).isEqualTo(16_384);
        // the whole path must match: a longer path is another endpoint
        assertThat(limits.limitOf("/v1/routing/extra")).isEqualTo(16_384);
    }

    @Test
    void a_named_path_takes_its_own_and_the_larger_of_two() {
        assertThat(limits.limitOf("/v1/routing")).isEqualTo(262_144);
        assertThat(limits.limitOf("/v1/inbound/hubspot")).isEqualTo(131_072);
    }

    @Test
    void the_largest_is_what_the_server_must_let_through() {
        assertThat(limits.largest()).isEqualTo(262_144);
        assertThat(new EndpointBodyLimits(10, Map.of()).largest()).isEqualTo(10);
    }
}
