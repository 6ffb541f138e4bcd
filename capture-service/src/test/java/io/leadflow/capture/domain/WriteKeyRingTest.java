package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.capture.domain.Access.Outcome;
import io.leadflow.capture.domain.KeyKind.Capability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteKeyRingTest {

    private final WriteKeyRing ring = new WriteKeyRing(List.of(
            WriteKeyRing.configured("server", WriteKeyRing.sha256("sk_1"), KeyKind.SECRET, List.of()),
            WriteKeyRing.configured("site", WriteKeyRing.sha256("pk_1"), KeyKind.PUBLIC,
                    List.of("https://www.Example.com/", "http://localhost:*"))));

    @Test
    void the_hash_is_the_hex_sha256_of_the_key() {
        assertThat(WriteKeyRing.sha256("lf_dev_secret"))
                .isEqualTo("2e57c10c4eff0b7750e501940a8969aeea49c341e8f5b3ac7c5b0f0ea8bcd714");
    }

    @Test
    void a_secret_key_may_engage_and_identify_from_anywhere() {
        assertThat(ring.check(Optional.of("sk_1"), Optional.empty(), Capability.IDENTIFY).outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(ring.check(Optional.of("sk_1"), Optional.of("https://evil.example"), Capability.ENGAGE).key())
                .hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("server"));
    }

    @Test
    void a_public_key_may_only_engage_and_only_from_its_origins() {
        assertThat(ring.check(Optional.of("pk_1"), Optional.of("https://www.example.com"), Capability.ENGAGE).granted()).isTrue();
        assertThat(ring.check(Optional.of("pk_1"), Optional.of("http://localhost:8081"), Capability.ENGAGE).granted()).isTrue();
        assertThat(ring.check(Optional.of("pk_1"), Optional.of("https://evil.example"), Capability.ENGAGE).outcome())
                .isEqualTo(Outcome.WRONG_ORIGIN);
        assertThat(ring.check(Optional.of("pk_1"), Optional.empty(), Capability.ENGAGE).outcome()).isEqualTo(Outcome.WRONG_ORIGIN);
        assertThat(ring.check(Optional.of("pk_1"), Optional.of("https://www.example.com"), Capability.IDENTIFY).outcome())
                .isEqualTo(Outcome.NOT_PERMITTED);
    }

    @Test
    void a_missing_or_unknown_key_is_refused() {
        assertThat(ring.check(Optional.empty(), Optional.empty(), Capability.ENGAGE).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(ring.check(Optional.of("  "), Optional.empty(), Capability.ENGAGE).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(ring.check(Optional.of("sk_2"), Optional.empty(), Capability.ENGAGE).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void origins_compare_by_scheme_host_and_port() {
        assertThat(Origins.normalize("HTTPS://WWW.example.com:443/pricing?x=1")).contains("https://www.example.com");
        assertThat(Origins.of(Optional.empty(), Optional.of("http://localhost:8081/demo.html"))).contains("http://localhost:8081");
        assertThat(Origins.of(Optional.of("null"), Optional.empty())).isEmpty();
        assertThat(Origins.matches("http://localhost", "http://localhost:8081")).isFalse();
        assertThat(Origins.matches("http://localhost:*", "http://localhost.evil.example")).isFalse();
        assertThat(Origins.normalize("javascript:alert(1)")).isEmpty();
    }

    @Test
    void a_broken_configuration_stops_the_start() {
        assertThatThrownBy(() -> WriteKeyRing.configured("k", "abc", KeyKind.SECRET, List.of()))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> WriteKeyRing.configured("k", WriteKeyRing.sha256("x"), KeyKind.PUBLIC, List.of()))
                .hasMessageContaining("allowed origins");
    }
}
