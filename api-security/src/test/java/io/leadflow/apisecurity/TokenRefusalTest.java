package io.leadflow.apisecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.leadflow.localinfra.DevTokens;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * What SmallRye JWT, set up as every service's application.properties sets it (the development
 * JWKS, issuer and audience, RS256 and ES256 only, {@code sub} required), makes of good and forged
 * tokens, and the reason {@link TokenRefusal} gives each refusal. The services' access tests send the
 * same tokens over HTTP ({@code RefusedBearer}).
 */
class TokenRefusalTest {

    private final DefaultJWTParser parser = new DefaultJWTParser(asTheServicesVerify(DevTokens.VERIFICATION_KEYS_RESOURCE));

    static JWTAuthContextInfo asTheServicesVerify(String keyLocation) {
        JWTAuthContextInfo verify = new JWTAuthContextInfo(keyLocation, DevTokens.ISSUER);
        verify.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
        verify.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        verify.setRequiredClaims(Set.of("sub"));
        return verify;
    }

    @Test
    void a_valid_rs256_token_and_a_valid_es256_token_are_accepted_with_their_subject() throws ParseException {
        JsonWebToken rs256 = parser.parse(DevTokens.bearer("ana", "sales-rep").substring("Bearer ".length()));
        JsonWebToken es256 = parser.parse(DevTokens.bearerEs256("ben", "sales-manager").substring("Bearer ".length()));

        assertThat(rs256.getSubject()).isEqualTo("ana");
        assertThat(rs256.getGroups()).containsExactly("sales-rep");
        assertThat(es256.getSubject()).isEqualTo("ben");
        assertThat(es256.getGroups()).containsExactly("sales-manager");
    }

    /**
     * Only RS256 and ES256 keys are in the JWKS and only those algorithms permitted: a token of another
     * algorithm finds no key to be checked with.
     */
    @Test
    void an_unsigned_token_and_one_signed_hs256_with_the_public_key_are_refused() {
        assertThat(refusalOf(parser, DevTokens.unsigned("max", "admin"))).isEqualTo(TokenRefusal.UNTRUSTED_SIGNATURE);
        assertThat(refusalOf(parser, DevTokens.hmacSignedWithThePublicKey("max", "admin"))).isEqualTo(TokenRefusal.UNTRUSTED_SIGNATURE);
    }

    @Test
    void a_token_for_another_audience_is_refused_naming_the_audience() {
        assertThat(refusalOf(DevTokens.signedForAudience("crm-reports", "max", "admin"))).isEqualTo(TokenRefusal.OTHER_AUDIENCE);
    }

    @Test
    void a_token_of_another_issuer_is_refused_naming_the_issuer() {
        String token = DevTokens.sign("max", List.of("admin"), "https://idp.example.com/realms/other", Duration.ofHours(1), Instant.now());
        assertThat(refusalOf(token)).isEqualTo(TokenRefusal.OTHER_ISSUER);
    }

    @Test
    void an_expired_token_is_refused_as_expired() {
        String token = DevTokens.sign("max", List.of("admin"), DevTokens.ISSUER, Duration.ofHours(1), Instant.now().minus(Duration.ofHours(2)));
        assertThat(refusalOf(token)).isEqualTo(TokenRefusal.EXPIRED);
    }

    @Test
    void a_token_signed_by_another_key_is_refused_as_untrusted() {
        assertThat(refusalOf(DevTokens.signedByAnotherKey("max", "admin"))).isEqualTo(TokenRefusal.UNTRUSTED_SIGNATURE);
    }

    private TokenRefusal refusalOf(String token) {
        return refusalOf(parser, token);
    }

    private static TokenRefusal refusalOf(DefaultJWTParser parser, String token) {
        Throwable refused = catchThrowable(() -> parser.parse(token));
        assertThat(refused).as("the token is refused").isInstanceOf(ParseException.class);
        return TokenRefusal.of(refused);
    }
}
