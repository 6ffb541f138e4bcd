package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampAndTheRawBodyAsOpensslDoes() {
        // expected values from: printf '1700000000.{"id":"e1"}' | openssl dgst -sha256 -hmac <secret>
        assertThat(WebhookSignature.sign("whsec_test_secret_0123456789", 1_700_000_000L, BODY))
                .isEqualTo("8eb6f4d5727e88e6b41d457858f44f5111bfe1cc327fbbcc7a1cf9275b502092");
    }

    @Test
    void carriesOneSignaturePerSecretSoEitherVerifiesDuringARotation() {
        String header = WebhookSignature.header(1_700_000_000L, BODY, List.of("whsec_test_secret_0123456789", "whsec_second_secret_abcdefghij"));

        assertThat(header).isEqualTo("t=1700000000"
                + ",v1=8eb6f4d5727e88e6b41d457858f44f5111bfe1cc327fbbcc7a1cf9275b502092"
                + ",v1=cd39b5d2a5025b837ed2c01482c3e9885316bb41a39be7f99602f6fb3f19f052");
    }

    @Test
    void aChangedBodyOrTimestampGivesAnotherSignature() {
        String original = WebhookSignature.sign("s", 1L, BODY);

        assertThat(WebhookSignature.sign("s", 2L, BODY)).isNotEqualTo(original);
        assertThat(WebhookSignature.sign("s", 1L, "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(original);
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> WebhookSignature.header(1L, BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
