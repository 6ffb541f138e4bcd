package io.leadflow.apisecurity;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemAnswers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every service's refused bearer JWTs as problem+json (docs/security.md): 401 with a
 * {@code WWW-Authenticate} challenge saying why, 403 naming the roles the call needs. The services
 * authenticate only calls that need it ({@code quarkus.http.auth.proactive=false}), inside Quarkus
 * REST, so its failures reach these mappers; their default priority ranks them before Quarkus' own.
 */
public class AccessProblemMapper {

    private static final String CHALLENGE = "Bearer realm=\"leadflow\"";

    /** An anonymous call to a role-checked endpoint: it carried no bearer token. */
    @ServerExceptionMapper
    public RestResponse<Problem> missingToken(UnauthorizedException exception) {
        return unauthorized(CHALLENGE, "this call needs a bearer JWT (Authorization: Bearer <token>)");
    }

    /** A bearer token that failed verification, with RFC 6750's error code for it. */
    @ServerExceptionMapper
    public RestResponse<Problem> refusedToken(AuthenticationFailedException exception) {
        return unauthorized(CHALLENGE + ", error=\"invalid_token\"", TokenRefusal.of(exception).detail());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notPermitted(ForbiddenException exception, ResourceInfo resource) {
        String detail = rolesNeeded(resource)
                .map(roles -> "this call needs " + (roles.length == 1 ? "the role " : "one of the roles ")
                        + String.join(", ", roles) + "; the bearer token has none of them")
                .orElse("the bearer token's roles do not allow this call");
        return ProblemAnswers.answer(forbidden(detail));
    }

    /** The 403 problem: the same members every service's problems carry. */
    static Problem forbidden(String detail) {
        return Problem.of(403, "forbidden", "Forbidden", detail);
    }

    /** The 401 problem. */
    static Problem unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail);
    }

    private static RestResponse<Problem> unauthorized(String challenge, String detail) {
        return ProblemAnswers.builder(unauthorized(detail)).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /** The roles of the method's {@code @RolesAllowed}, else its class's. */
    private static Optional<String[]> rolesNeeded(ResourceInfo resource) {
        return Optional.ofNullable(resource.getResourceMethod())
                .map(method -> method.getAnnotation(RolesAllowed.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass()).map(type -> type.getAnnotation(RolesAllowed.class)))
                .map(RolesAllowed::value);
    }
}
