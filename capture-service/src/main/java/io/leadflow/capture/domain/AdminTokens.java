package io.leadflow.capture.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens of the management API, held by their SHA-256 like write keys, and whether a
 * presented token may do what a call needs.
 */
public final class AdminTokens {

    /** How a token check ended. */
    public enum Outcome {
        GRANTED,
        /** No bearer token was presented. */
        MISSING,
        /** The token is not configured (or none is: management is then closed). */
        UNKNOWN,
        /** The token's role does not allow the call. */
        NOT_PERMITTED
    }

    private final Map<String, AdminRole> rolesByHash;

    /** @param rolesByHash each token's role, by the lowercase hex SHA-256 of the token */
    public AdminTokens(Map<String, AdminRole> rolesByHash) {
        this.rolesByHash = Map.copyOf(rolesByHash);
    }

    public Outcome check(Optional<String> presented, AdminRole needed) {
        Optional<String> token = presented.map(String::trim).filter(text -> !text.isEmpty());
        if (token.isEmpty()) {
            return Outcome.MISSING;
        }
        AdminRole role = rolesByHash.get(WriteKeyRing.sha256(token.get()));
        if (role == null) {
            return Outcome.UNKNOWN;
        }
        return role.permits(needed) ? Outcome.GRANTED : Outcome.NOT_PERMITTED;
    }
}
