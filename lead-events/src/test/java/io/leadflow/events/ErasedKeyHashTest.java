package io.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErasedKeyHashTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";

    @Test
    void theHashIsKeyedSoGuessingTheEmailIsNotEnough() {
        String hash = ErasedKeyHash.withSecret(SECRET).of("ada@example.com");

        assertThat(hash).matches("[0-9a-f]{64}")
                .isEqualTo(ErasedKeyHash.withSecret(SECRET).of("ada@example.com"))
                .isNotEqualTo(ErasedKeyHash.legacy("ada@example.com"))
                .isNotEqualTo(ErasedKeyHash.withSecret(SECRET + "-other").of("ada@example.com"))
                .isNotEqualTo(ErasedKeyHash.withSecret(SECRET).of("bob@example.com"));
        // the legacy lookup is plain SHA-256, as the entries it finds were written (FIPS 180-2 vector)
        assertThat(ErasedKeyHash.legacy("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void noSecretOrAShortOneRefusesNamingTheEnvironmentVariable() {
        assertThatThrownBy(() -> ErasedKeyHash.withSecret(null)).hasMessageContaining("LEADFLOW_ERASURE_KEY_SECRET");
        assertThatThrownBy(() -> ErasedKeyHash.withSecret("  ")).hasMessageContaining("LEADFLOW_ERASURE_KEY_SECRET");
        assertThatThrownBy(() -> ErasedKeyHash.withSecret("short")).hasMessageContaining("LEADFLOW_ERASURE_KEY_SECRET");
    }
}
