package io.leadflow.capture.rest;

import io.leadflow.capture.domain.AdminRole;
import io.leadflow.capture.domain.AdminTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the credential of a management call: a bearer token from the configuration. The one
 * place that decides, so that bearer JWTs with roles can replace the tokens here alone.
 */
@ApplicationScoped
class AdminGuard {

    private static final String BEARER = "bearer ";

    private final AdminTokens tokens;

    AdminGuard(AdminTokens tokens) {
        this.tokens = tokens;
    }

    /** @throws RequestRefused with a 401 (no or unknown token) or 403 (a token whose role may not) problem */
    void require(HttpHeaders headers, AdminRole needed) {
        switch (tokens.check(bearer(headers), needed)) {
            case GRANTED -> {
            }
            case MISSING -> throw new RequestRefused(Problems.unauthorizedBearer(
                    "the management API needs an admin token as Authorization: Bearer <token>"));
            case UNKNOWN -> throw new RequestRefused(Problems.unauthorizedBearer("the admin token is not known"));
            case NOT_PERMITTED -> throw new RequestRefused(Problems.forbidden(
                    "this admin token may only list write keys; making and revoking them needs the admin role"));
        }
    }

    private static Optional<String> bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()))
                : Optional.empty();
    }
}
