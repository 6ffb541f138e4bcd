package io.leadflow.apisecurity;

import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a verified caller is, for the records that name them (who erased a lead, who retried a dead letter): the
 * token's subject, which the identity provider sets and keeps. Not the principal's name, which SmallRye JWT takes from
 * {@code upn} or {@code preferred_username} first: claims some providers let users edit (docs/security.md).
 */
public final class CallerSubject {

    private CallerSubject() {
    }

    /** The token's {@code sub}; the principal's name only for a caller that holds no JWT. */
    public static String of(Principal principal) {
        if (principal instanceof JsonWebToken token && token.getSubject() != null && !token.getSubject().isBlank()) {
            return token.getSubject();
        }
        return principal.getName();
    }
}
