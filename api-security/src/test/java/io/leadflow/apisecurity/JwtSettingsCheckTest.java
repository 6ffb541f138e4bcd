package io.leadflow.apisecurity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The start-up check of the JWT settings, with configurations as a deployment gives them. */
class JwtSettingsCheckTest {

    private static final Map<String, String> KEY_AND_ISSUER = Map.of(
            "mp.jwt.verify.publickey.location", "https://idp.example.com/realms/sales/protocol/openid-connect/certs",
            "mp.jwt.verify.issuer", "https://idp.example.com/realms/sales");

    @Test
    void a_service_without_an_audience_refuses_to_start_naming_the_variable_to_set() {
        assertThatThrownBy(() -> check(KEY_AND_ISSUER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MP_JWT_VERIFY_AUDIENCES");
        assertThatThrownBy(() -> check(Map.of("mp.jwt.verify.audiences", "")))
                .hasMessageContaining("MP_JWT_VERIFY_AUDIENCES");
    }

    @Test
    void a_service_with_an_audience_starts() {
        Map<String, String> settings = new HashMap<>(KEY_AND_ISSUER);
        settings.put("mp.jwt.verify.audiences", "leadflow");
        assertThatCode(() -> check(settings)).doesNotThrowAnyException();
    }

    private static void check(Map<String, String> settings) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "deployment", 500)).build();
        new JwtSettingsCheck().check(null, config);
    }
}
