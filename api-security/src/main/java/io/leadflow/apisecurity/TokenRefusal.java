package io.leadflow.apisecurity;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Why a bearer JWT was refused, in words its caller can act on. SmallRye JWT reports every refusal
 * as the same "failed to verify" error; the reason is in its cause, jose4j's.
 */
public enum TokenRefusal {

    EXPIRED("the bearer token has expired; get a new one"),
    OTHER_ISSUER("the bearer token was issued by another issuer (iss) than the one this service trusts"),
    OTHER_AUDIENCE("the bearer token is meant for another audience (aud) than this API"),
    UNTRUSTED_SIGNATURE("the bearer token is not signed by a key this service trusts"),
    MALFORMED("the bearer token is not a well-formed signed JWT"),
    INVALID("the bearer token is not valid");

    private final String detail;

    TokenRefusal(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    public static TokenRefusal of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // no key to check the signature with: none is configured, or none has the token's key id
            if (cause instanceof UnresolvableKeyException) {
                return UNTRUSTED_SIGNATURE;
            }
            if (cause instanceof InvalidJwtException invalid) {
                return of(invalid);
            }
        }
        return INVALID;
    }

    private static TokenRefusal of(InvalidJwtException invalid) {
        if (invalid.hasExpired()) {
            return EXPIRED;
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return OTHER_ISSUER;
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return OTHER_AUDIENCE;
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return UNTRUSTED_SIGNATURE;
        }
        if (invalid.hasErrorCode(ErrorCodes.MISCELLANEOUS) || invalid.hasErrorCode(ErrorCodes.JSON_INVALID)) {
            return MALFORMED;
        }
        return INVALID;
    }
}
