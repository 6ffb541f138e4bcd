package io.leadflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    private static final byte[] BODY = "{\"type\":\"handoff.created.v1\",\"lead\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheSchemesPublishedExampleToItsPublishedSignature() {
        // Given the example message of the Standard Webhooks specification
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        // When it is signed
        WebhookHeaders headers = StandardWebhooks.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", Instant.ofEpochSecond(1614265330), body,
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        // Then the headers are the specification's
        assertThat(headers.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void aReceiverWithAnyOneOfTheLiveSecretsVerifiesAndNoOtherDoes() {
        // Given a delivery signed during a rotation, with the new and the old secret
        String current = SigningSecret.generate();
        String previous = SigningSecret.generate();
        WebhookHeaders headers = StandardWebhooks.sign("d-1", Instant.now(), BODY, List.of(current, previous));

        // Then it carries two signatures and each secret verifies it, a third does not
        assertThat(headers.signature().split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        assertThat(StandardWebhooks.verifies(received(headers), BODY, current)).isTrue();
        assertThat(StandardWebhooks.verifies(received(headers), BODY, previous)).isTrue();
        assertThat(StandardWebhooks.verifies(received(headers), BODY, SigningSecret.generate())).isFalse();
    }

    @Test
    void aChangedBodyIdOrTimestampNoLongerVerifies() {
        // Given a genuine delivery
        String secret = SigningSecret.generate();
        Instant now = Instant.now();
        WebhookHeaders headers = StandardWebhooks.sign("d-1", now, BODY, List.of(secret));

        // Then changing any signed part breaks it
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Zoë", "Zoe").getBytes(StandardCharsets.UTF_8);
        assertThat(StandardWebhooks.verifies(received(headers), tampered, secret)).isFalse();
        assertThat(StandardWebhooks.verifies(received(new WebhookHeaders("d-2", headers.timestamp(), headers.signature())), BODY, secret)).isFalse();
        assertThat(StandardWebhooks.verifies(received(new WebhookHeaders("d-1", Long.toString(now.getEpochSecond() + 1), headers.signature())),
                BODY, secret)).isFalse();
    }

    @Test
    void aDeliveryOlderThanFiveMinutesIsAReplayAndRefused() {
        String secret = SigningSecret.generate();
        WebhookHeaders stale = StandardWebhooks.sign("d-1", Instant.now().minusSeconds(6 * 60), BODY, List.of(secret));

        assertThat(StandardWebhooks.verifies(received(stale), BODY, secret)).isFalse();
    }

    @Test
    void generatedSecretsAreWhsecBase64OfThirtyTwoRandomBytes() {
        String secret = SigningSecret.generate();

        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(SigningSecret.generate());
        assertThat(SigningSecret.problem(secret)).isEmpty();
        assertThat(SigningSecret.key(secret)).hasSize(32);
    }

    @Test
    void aChosenSecretMustBeWhsecBase64OfTwentyFourToSixtyFourBytes() {
        assertThat(SigningSecret.problem("whsec_" + "A".repeat(32))).isEmpty();
        assertThat(SigningSecret.problem("a-long-enough-secret-but-not-whsec")).hasValueSatisfying(why -> assertThat(why).contains("whsec_"));
        assertThat(SigningSecret.problem("whsec_not*base64*at*all*but*long*enough")).isPresent();
        assertThat(SigningSecret.problem("whsec_" + "A".repeat(28))).as("21 bytes").isPresent();
        assertThat(SigningSecret.problem("whsec_" + "A".repeat(88))).as("66 bytes").isPresent();
        assertThat(SigningSecret.problem(null)).isPresent();
    }

    @Test
    void aSecretStoredBeforeStandardWebhooksSignsWithItsOwnBytesAsTheKey() {
        // Given a secret of the old scheme, which a receiver now passes to its library as a raw key
        String legacy = "a-subscriber-chosen-secret-0123456789";

        // Then its key is its text's bytes, and deliveries signed with it verify with it
        assertThat(SigningSecret.key(legacy)).isEqualTo(legacy.getBytes(StandardCharsets.UTF_8));
        WebhookHeaders headers = StandardWebhooks.sign("d-1", Instant.now(), BODY, List.of(legacy));
        assertThat(StandardWebhooks.verifies(received(headers), BODY, legacy)).isTrue();
    }

    @Test
    void signingNeedsASecret() {
        assertThatThrownBy(() -> StandardWebhooks.sign("d-1", Instant.now(), BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardWebhooks.sign("d-1", Instant.now(), BODY, List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> received(WebhookHeaders headers) {
        return Map.of("Webhook-Id", List.of(headers.id()), "Webhook-Timestamp", List.of(headers.timestamp()),
                "Webhook-Signature", List.of(headers.signature()));
    }
}
