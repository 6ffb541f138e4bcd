package io.leadflow.capture.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.leadflow.localinfra.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployment that configured no key to verify bearer JWTs: the service starts, and refuses every token. */
@QuarkusTest
@TestProfile(NoJwtKeyTest.NoKey.class)
class NoJwtKeyTest {

    /**
     * Not the test profile, whose keys are the development key and its issuer (an empty value cannot
     * unset them: SmallRye JWT then fails the start). No broker either, none is needed.
     */
    public static class NoKey extends BrokerUnavailableTest.NoBroker {

        @Override
        public String getConfigProfile() {
            return "no-jwt-key";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            // in dev and test mode SmallRye JWT makes up a key pair when no JWT key at all is configured;
            // a key to sign new tokens with (which this service never does) stops that, and verifies nothing
            overrides.put("smallrye.jwt.sign.key.location", "no-signing-key.pem");
            // an audience, without which no service starts (api-security's JwtSettingsCheck)
            overrides.put("mp.jwt.verify.audiences", "leadflow");
            // nor the test profile's link-signing secret: without one the service does not start
            overrides.put("leadflow.capture.link-signing-secrets", "no-jwt-key-test-link-signing-secret-0001");
            return overrides;
        }
    }

    @Test
    void even_an_admin_token_of_the_development_key_is_refused() {
        given().header("Authorization", DevTokens.bearer("ada", "admin"))
                .when().get("/v1/admin/write-keys")
                .then().statusCode(401).contentType(Problems.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("not signed by a key this service trusts"));
    }
}
