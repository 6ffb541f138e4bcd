package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: signing is plain Java, so the test simply calls it. */
class WebhookSignerTest {

    private static final Instant SENT_AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256InHex() {
        // Given a signer with one secret
        WebhookSigner signer = new WebhookSigner(List.of("whsec_test"));

        // When it signs a body
        WebhookSigner.Signature signature = signer.sign(BODY, SENT_AT);

        // Then the headers match what any HMAC tool gives (openssl dgst -sha256 -hmac whsec_test over "1700000000.<body>")
        assertThat(signature.timestamp()).isEqualTo("1700000000");
        assertThat(signature.header()).isEqualTo("v1=f592bbf3951cfc94e560eecfb5d9dd4da6b0fff2e626235f8ab4b54860925d0b");
    }

    @Test
    void signsWithEverySecretSoReceiversCanRotate() {
        // Given a sender in the middle of a rotation, holding the new and the old secret
        WebhookSigner sender = new WebhookSigner(List.of("new-secret", "old-secret"));

        // When it signs a request
        WebhookSigner.Signature signature = sender.sign(BODY, SENT_AT);

        // Then there is one v1 entry per secret, and a receiver holding either secret accepts the request
        assertThat(signature.header()).matches("v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(new WebhookSigner(List.of("old-secret")).verify(signature.timestamp(), signature.header(), BODY, SENT_AT)).isTrue();
        assertThat(new WebhookSigner(List.of("new-secret")).verify(signature.timestamp(), signature.header(), BODY, SENT_AT)).isTrue();
        assertThat(new WebhookSigner(List.of("other-secret")).verify(signature.timestamp(), signature.header(), BODY, SENT_AT)).isFalse();
    }

    @Test
    void receiverWithBothSecretsAcceptsASenderThatHasOnlyOne() {
        // Given a receiver that has added the new secret while senders still use the old one
        WebhookSigner receiver = new WebhookSigner(List.of("new-secret", "old-secret"));
        WebhookSigner.Signature signature = new WebhookSigner(List.of("old-secret")).sign(BODY, SENT_AT);

        // When / Then
        assertThat(receiver.verify(signature.timestamp(), signature.header(), BODY, SENT_AT)).isTrue();
    }

    @Test
    void rejectsATamperedBodyOrTimestamp() {
        // Given a signed request
        WebhookSigner signer = new WebhookSigner(List.of("s3cret"));
        WebhookSigner.Signature signature = signer.sign(BODY, SENT_AT);
        byte[] tampered = "{\"hello\":\"w0rld\"}".getBytes(StandardCharsets.UTF_8);

        // When / Then: a changed body or a changed timestamp no longer verifies
        assertThat(signer.verify(signature.timestamp(), signature.header(), BODY, SENT_AT)).isTrue();
        assertThat(signer.verify(signature.timestamp(), signature.header(), tampered, SENT_AT)).isFalse();
        assertThat(signer.verify("1700000001", signature.header(), BODY, SENT_AT)).isFalse();
    }

    @Test
    void rejectsARequestOutsideTheTolerance() {
        // Given a receiver that accepts requests up to five minutes old
        WebhookSigner signer = new WebhookSigner(List.of("s3cret"), Duration.ofMinutes(5));
        WebhookSigner.Signature signature = signer.sign(BODY, SENT_AT);

        // When / Then: a replay six minutes later fails, as does a timestamp from the future
        assertThat(signer.verify(signature.timestamp(), signature.header(), BODY, SENT_AT.plus(Duration.ofMinutes(4)))).isTrue();
        assertThat(signer.verify(signature.timestamp(), signature.header(), BODY, SENT_AT.plus(Duration.ofMinutes(6)))).isFalse();
        assertThat(signer.verify(signature.timestamp(), signature.header(), BODY, SENT_AT.minus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        WebhookSigner signer = new WebhookSigner(List.of("s3cret"));
        WebhookSigner.Signature signature = signer.sign(BODY, SENT_AT);

        assertThat(signer.verify(null, signature.header(), BODY, SENT_AT)).isFalse();
        assertThat(signer.verify(signature.timestamp(), null, BODY, SENT_AT)).isFalse();
        assertThat(signer.verify("yesterday", signature.header(), BODY, SENT_AT)).isFalse();
        assertThat(signer.verify(signature.timestamp(), "v1=not-hex", BODY, SENT_AT)).isFalse();
        assertThat(signer.verify(signature.timestamp(), signature.header().replace("v1=", "v0="), BODY, SENT_AT)).isFalse();
        // a malformed entry next to a good one does not hide the good one
        assertThat(signer.verify(signature.timestamp(), "v1=zz, " + signature.header(), BODY, SENT_AT)).isTrue();
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> new WebhookSigner(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSigner(List.of("ok", " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
