package io.leadflow.capture.rest;

import io.leadflow.apisecurity.TokenRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers the management API's refused bearer JWTs as problem+json. Authentication runs only when a
 * call needs it ({@code quarkus.http.auth.proactive=false}), inside Quarkus REST, so its failures
 * reach these mappers; their default priority ranks them before Quarkus' own (USER + 1).
 */
public class AccessProblemMapper {

    /** An anonymous call to a role-checked endpoint: it carried no bearer token. */
    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException exception) {
        return Problems.missingBearer("this call needs a bearer JWT (Authorization: Bearer <token>)");
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException exception) {
        return Problems.invalidBearer(TokenRefusal.of(exception).detail());
    }

    @ServerExceptionMapper
    public Response notPermitted(ForbiddenException exception, ResourceInfo resource) {
        return Problems.forbidden(rolesNeeded(resource)
                .map(roles -> "this call needs " + (roles.length == 1 ? "the role " : "one of the roles ")
                        + String.join(", ", roles) + "; the bearer token has none of them")
                .orElse("the bearer token's roles do not allow this call"));
    }

    private static Optional<String[]> rolesNeeded(ResourceInfo resource) {
        return Optional.ofNullable(resource.getResourceMethod())
                .map(method -> method.getAnnotation(RolesAllowed.class))
                .map(RolesAllowed::value);
    }
}
