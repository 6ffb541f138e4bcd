package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevelopmentSecretsTest {

    private static final String OWN_SECRET = "a-deployments-own-link-secret-of-40-characters";

    @Test
    void a_published_key_or_link_secret_or_no_link_secret_stops_production_naming_what_to_set() {
        WriteKey published = WriteKeyRing.configured("dev-secret", WriteKeyRing.sha256("lf_dev_secret"), KeyKind.SECRET, List.of());
        WriteKey own = WriteKeyRing.configured("www", WriteKeyRing.sha256("lf_sec_own"), KeyKind.SECRET, List.of());

        assertThat(DevelopmentSecrets.productionProblems(List.of(own), List.of(OWN_SECRET))).isEmpty();
        assertThat(DevelopmentSecrets.productionProblems(List.of(own, published), List.of(OWN_SECRET))).singleElement()
                .asString().contains("lf_dev_secret", "leadflow.capture.write-keys-dir", "LEADFLOW_CAPTURE_WRITE_KEYS_DIR");
        assertThat(DevelopmentSecrets.productionProblems(List.of(own), List.of())).singleElement()
                .asString().contains("leadflow.capture.link-signing-secrets", "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS");
        assertThat(DevelopmentSecrets.productionProblems(List.of(own), List.of("lf-dev-link-signing-secret-change-me-0001")))
                .singleElement().asString().contains("published development secret", "LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS");
    }

    @Test
    void a_mounted_key_file_defines_a_key_by_its_hash_and_a_broken_one_is_named() {
        WriteKey key = WriteKeyDefinition.parse("www", "kind=public\nsha256=" + WriteKeyRing.sha256("lf_pub_x")
                + "\nallowed-origins=https://www.example.com, https://example.com\n");

        assertThat(key).isEqualTo(new WriteKey("www", WriteKeyRing.sha256("lf_pub_x"), KeyKind.PUBLIC,
                List.of("https://www.example.com", "https://example.com")));
        assertThatIllegalArgumentException().isThrownBy(() -> WriteKeyDefinition.parse("www", "kind=public\nsha256=abc"))
                .withMessageContaining("www");
        assertThatIllegalArgumentException().isThrownBy(() -> WriteKeyDefinition.parse("svc", "kind=secret\nsha265=x"))
                .withMessageContaining("unknown field 'sha265'");
        assertThatIllegalArgumentException().isThrownBy(() -> WriteKeyDefinition.parse("svc", "sha256=" + WriteKeyRing.sha256("k")))
                .withMessageContaining("kind must be public or secret");
    }
}
