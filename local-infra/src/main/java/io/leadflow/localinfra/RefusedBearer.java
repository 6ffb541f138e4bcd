package io.leadflow.localinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Authorization headers that are no valid bearer JWT, each for an admin, and what every service's
 * 401 must say of it (docs/security.md): what the access tests of all services send.
 */
public enum RefusedBearer {

    NO_TOKEN(null, "needs a bearer JWT"),
    NOT_A_JWT("Bearer not-a-jwt", "not a well-formed signed JWT"),
    EXPIRED("Bearer " + DevTokens.sign("max", List.of("admin"), DevTokens.ISSUER, Duration.ofHours(1),
            Instant.now().minus(Duration.ofHours(2))), "expired"),
    OTHER_ISSUER("Bearer " + DevTokens.sign("max", List.of("admin"), "https://idp.example.com/realms/other",
            Duration.ofHours(1), Instant.now()), "another issuer"),
    OTHER_AUDIENCE("Bearer " + DevTokens.signedForAudience("crm-reports", "max", "admin"), "another audience"),
    OTHER_KEY("Bearer " + DevTokens.signedByAnotherKey("max", "admin"), "not signed by a key this service trusts"),
    // only RS256 and ES256 are accepted: neither an unsigned token nor one keyed with the public key finds a key
    ALG_NONE("Bearer " + DevTokens.unsigned("max", "admin"), "not signed by a key this service trusts"),
    HS256_WITH_THE_PUBLIC_KEY("Bearer " + DevTokens.hmacSignedWithThePublicKey("max", "admin"), "not signed by a key this service trusts");

    private final String authorization;
    private final String detail;

    RefusedBearer(String authorization, String detail) {
        this.authorization = authorization;
        this.detail = detail;
    }

    /** The Authorization header to send; empty: send none. */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** Words the refusal's problem detail holds. */
    public String detail() {
        return detail;
    }

    /** Whether the challenge carries RFC 6750's {@code error="invalid_token"}: a token was sent and refused. */
    public boolean invalidToken() {
        return authorization != null;
    }
}
