package io.leadflow.crmsync.rest;

import io.leadflow.apisecurity.TokenRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers the sync API's refused bearer JWTs as problem+json. Authentication runs only when a call
 * needs it ({@code quarkus.http.auth.proactive=false}), inside Quarkus REST, so its failures reach
 * these mappers; their default priority ranks them before Quarkus' own.
 */
public class AccessProblemMapper {

    private static final String PROBLEMS = "https://leadflow.io/problems/";
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
        return answer(new Problem(PROBLEMS + "forbidden", "Forbidden", 403, detail, null)).build();
    }

    private static RestResponse<Problem> unauthorized(String challenge, String detail) {
        return answer(new Problem(PROBLEMS + "unauthorized", "Unauthorized", 401, detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    private static RestResponse.ResponseBuilder<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(problem.status()), problem).type(Problem.MEDIA_TYPE);
    }

    private static Optional<String[]> rolesNeeded(ResourceInfo resource) {
        return Optional.ofNullable(resource.getResourceMethod())
                .map(method -> method.getAnnotation(RolesAllowed.class))
                .map(RolesAllowed::value);
    }
}
