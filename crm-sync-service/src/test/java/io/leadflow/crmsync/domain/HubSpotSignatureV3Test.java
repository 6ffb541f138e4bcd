package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HubSpotSignatureV3Test {

    private static final String URI = "https://leadflow.example.com/v1/inbound/hubspot";
    private static final byte[] BODY = "[{\"eventId\":1,\"objectId\":501}]".getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT_AT = Instant.ofEpochMilli(1_763_877_600_000L);
    private static final String TIMESTAMP = Long.toString(SENT_AT.toEpochMilli());

    private final HubSpotSignatureV3 signer = new HubSpotSignatureV3("client-secret");

    @Test
    void isTheBase64HmacOfMethodUriBodyAndTimestamp() {
        // openssl: printf 'POST<uri><body><ts>' | openssl dgst -sha256 -hmac client-secret -binary | base64
        assertThat(signer.sign("POST", URI, BODY, TIMESTAMP)).isEqualTo("eVysWHwTc6ZT37Zsu5ZEQ06FDuQ+1c9CMU8QH2ynHu4=");
    }

    @Test
    void acceptsItsOwnSignatureWithinFiveMinutesOnly() {
        String signature = signer.sign("POST", URI, BODY, TIMESTAMP);

        assertThat(signer.verify("POST", URI, BODY, TIMESTAMP, signature, SENT_AT.plus(Duration.ofMinutes(4)))).isTrue();
        assertThat(signer.verify("POST", URI, BODY, TIMESTAMP, signature, SENT_AT.plus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void refusesAnyChangedPartOrAnotherSecret() {
        String signature = signer.sign("POST", URI, BODY, TIMESTAMP);

        assertThat(signer.verify("POST", URI, "[]".getBytes(StandardCharsets.UTF_8), TIMESTAMP, signature, SENT_AT)).isFalse();
        assertThat(signer.verify("POST", URI + "?x=1", BODY, TIMESTAMP, signature, SENT_AT)).isFalse();
        assertThat(signer.verify("POST", URI, BODY, Long.toString(SENT_AT.toEpochMilli() + 1), signature, SENT_AT)).isFalse();
        assertThat(new HubSpotSignatureV3("other").verify("POST", URI, BODY, TIMESTAMP, signature, SENT_AT)).isFalse();
        assertThat(signer.verify("POST", URI, BODY, null, signature, SENT_AT)).isFalse();
        assertThat(signer.verify("POST", URI, BODY, "yesterday", signature, SENT_AT)).isFalse();
        assertThatThrownBy(() -> new HubSpotSignatureV3(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
