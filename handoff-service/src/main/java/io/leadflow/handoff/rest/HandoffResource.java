package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.HandoffAccess;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.handoff.persistence.HandoffRepository;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/handoffs")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {

    private final HandoffRepository handoffs;
    private final ContributionsJson contributions;
    private final SecurityIdentity identity;

    public HandoffResource(HandoffRepository handoffs, ContributionsJson contributions, SecurityIdentity identity) {
        this.handoffs = handoffs;
        this.contributions = contributions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING_OPS, Roles.ADMIN})
    @Operation(summary = "A lead's handoffs, newest first; an empty list when the lead has none",
            description = "A sales rep gets only the handoffs assigned to them.")
    public Uni<List<HandoffView>> byEmail(
            @Parameter(description = "the lead's email, matched case-insensitively", required = true)
            @QueryParam("email") String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("email", "is required");
        }
        HandoffAccess access = Callers.access(identity);
        return handoffs.listByEmail(email).map(found -> found.stream()
                .filter(handoff -> access.mayAccess(handoff.assignee()))
                .map(handoff -> HandoffView.of(handoff, contributions)).toList());
    }
}
