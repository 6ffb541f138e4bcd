package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretRingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aRotatedSecretKeepsSigningUntilTheOverlapEndsAndTheNewOneSignsFirst() {
        // Given a subscription with one secret
        WebhookSecret old = WebhookSecret.of("old-secret-0123456789abcdef", NOW.minus(Duration.ofDays(30)));
        WebhookSecret added = WebhookSecret.of("new-secret-0123456789abcdef", NOW);

        // When it is rotated with a one-hour overlap
        SecretRing ring = SecretRing.of(old).rotate(added, NOW, Duration.ofHours(1));

        // Then both sign during the hour, the new one first, and only the new one after it
        assertThat(ring.live(NOW.plus(Duration.ofMinutes(59)))).extracting(WebhookSecret::value)
                .containsExactly("new-secret-0123456789abcdef", "old-secret-0123456789abcdef");
        assertThat(ring.live(NOW.plus(Duration.ofHours(1)))).extracting(WebhookSecret::value).containsExactly("new-secret-0123456789abcdef");
    }

    @Test
    void rotatingAgainDropsSecretsAlreadyRetiredAndDoesNotExtendARetirement() {
        WebhookSecret first = WebhookSecret.of("first-secret-0123456789abcd", NOW);
        WebhookSecret second = WebhookSecret.of("second-secret-0123456789abc", NOW);
        WebhookSecret third = WebhookSecret.of("third-secret-0123456789abcd", NOW.plus(Duration.ofHours(2)));

        SecretRing ring = SecretRing.of(first).rotate(second, NOW, Duration.ofHours(1))
                .rotate(third, NOW.plus(Duration.ofMinutes(30)), Duration.ofHours(24));

        assertThat(ring.secrets()).extracting(WebhookSecret::value)
                .containsExactly("third-secret-0123456789abcd", "second-secret-0123456789abc", "first-secret-0123456789abcd");
        assertThat(ring.secrets().get(2).retiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(ring.rotate(WebhookSecret.of("fourth-secret-0123456789abc", NOW), NOW.plus(Duration.ofHours(3)), Duration.ZERO).secrets())
                .hasSize(3);
    }

    @Test
    void theLastLiveSecretCannotBeRetired() {
        WebhookSecret only = WebhookSecret.of("only-secret-0123456789abcde", NOW);
        WebhookSecret added = WebhookSecret.of("added-secret-0123456789abcd", NOW);
        SecretRing ring = SecretRing.of(only);

        assertThat(ring.canRetire(only.id(), NOW)).isFalse();
        assertThatThrownBy(() -> ring.retire(only.id(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.rotate(added, NOW, Duration.ofHours(1)).retire(only.id(), NOW).live(NOW)).containsExactly(added);
    }

    @Test
    void aGeneratedSecretIsLongAndUnique() {
        assertThat(WebhookSecret.generate(NOW).value()).startsWith("whsec_").hasSizeGreaterThan(40)
                .isNotEqualTo(WebhookSecret.generate(NOW).value());
    }
}
