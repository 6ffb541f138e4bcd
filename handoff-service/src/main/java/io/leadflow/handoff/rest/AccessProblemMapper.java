package io.leadflow.handoff.rest;

import io.leadflow.apisecurity.TokenRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers refused bearer JWTs as problem+json. Authentication runs only when a call needs it
 * ({@code quarkus.http.auth.proactive=false}), inside Quarkus REST, so its failures reach these
 * mappers, which rank before Quarkus' own.
 */
public class AccessProblemMapper {

    static final String UNAUTHORIZED = "https://leadflow.io/problems/unauthorized";
    static final String FORBIDDEN = "https://leadflow.io/problems/forbidden";
    private static final String CHALLENGE = "Bearer realm=\"leadflow\"";

    /** An anonymous call to a role-checked endpoint: it carried no bearer token. */
    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException exception) {
        return unauthorized(CHALLENGE, "this call needs a bearer JWT (Authorization: Bearer <token>)");
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException exception) {
        return unauthorized(CHALLENGE + ", error=\"invalid_token\"", TokenRefusal.of(exception).detail());
    }

    @ServerExceptionMapper
    public Response notPermitted(ForbiddenException exception, ResourceInfo resource) {
        return forbidden(rolesNeeded(resource)
                .map(roles -> "this call needs " + (roles.length == 1 ? "the role " : "one of the roles ")
                        + String.join(", ", roles) + "; the bearer token has none of them")
                .orElse("the bearer token's roles do not allow this call"));
    }

    @ServerExceptionMapper
    public Response notOwn(NotOwnException exception) {
        return forbidden(exception.getMessage());
    }

    private static Response unauthorized(String challenge, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .entity(new Problem(UNAUTHORIZED, "Unauthorized", 401, detail, List.of())).build();
    }

    private static Response forbidden(String detail) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(FORBIDDEN, "Forbidden", 403, detail, List.of())).build();
    }

    /** The roles of the method's {@code @RolesAllowed}, else its class's. */
    private static Optional<String[]> rolesNeeded(ResourceInfo resource) {
        return Optional.ofNullable(resource.getResourceMethod())
                .map(method -> method.getAnnotation(RolesAllowed.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass()).map(type -> type.getAnnotation(RolesAllowed.class)))
                .map(RolesAllowed::value);
    }
}
