package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.capture.domain.KeyKind.Capability;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: making keys is plain Java. */
class WriteKeyIssuerTest {

    private final WriteKeyIssuer issuer = new WriteKeyIssuer(new SecureRandom(), Clock.fixed(EventValidatorTest.NOW, ZoneOffset.UTC));

    @Test
    void a_new_key_is_random_prefixed_by_its_kind_and_kept_only_as_its_hash() {
        IssuedWriteKey first = issuer.issue("public", "www site", List.of("https://www.example.com"));
        IssuedWriteKey second = issuer.issue("SECRET", null, null);

        assertThat(first.plaintext()).startsWith("lf_pub_").hasSizeGreaterThan(40).isNotEqualTo(second.plaintext());
        assertThat(second.plaintext()).startsWith("lf_sec_");
        assertThat(first.managed().id()).startsWith("wk_").isNotEqualTo(second.managed().id());
        assertThat(first.managed().key().sha256()).isEqualTo(WriteKeyRing.sha256(first.plaintext()));
        assertThat(first.managed().toString()).doesNotContain(first.plaintext());
        assertThat(first.toString()).doesNotContain(first.plaintext());
        assertThat(first.managed().createdAt()).isEqualTo(EventValidatorTest.NOW);
        assertThat(new WriteKeyRing(List.of(first.managed().key()))
                .check(Optional.of(first.plaintext()), Optional.of("https://www.example.com"), Capability.ENGAGE).granted()).isTrue();
    }

    @Test
    void a_bad_request_names_each_wrong_field() {
        assertThat(issuer.problems("shared", null, null)).extracting(FieldError::field).containsExactly("kind");
        assertThat(issuer.problems("public", null, List.of())).extracting(FieldError::field).containsExactly("allowedOrigins");
        assertThat(issuer.problems("secret", null, List.of("https://www.example.com")))
                .extracting(FieldError::field).containsExactly("allowedOrigins");
        assertThat(issuer.problems("public", "x".repeat(201), List.of("https://ok.example", "ftp://files.example")))
                .extracting(FieldError::field).containsExactly("description", "allowedOrigins[1]");
        assertThatThrownBy(() -> issuer.issue("public", null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
