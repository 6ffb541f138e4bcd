package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.HandoffAccess;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.handoff.persistence.Handoff;
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
    @Operation(summary = "A lead's handoffs by its email, or an account's by its domain; newest first, an empty list when there are none",
            description = "A sales rep gets only the handoffs assigned to them. Give email or account, not both.")
    public Uni<List<HandoffView>> byEmail(
            @Parameter(description = "the lead's email, matched case-insensitively")
            @QueryParam("email") String email,
            @Parameter(description = "the account: its domain (acme.example) or crm:<CRM account id>, as scoring names it")
            @QueryParam("account") String account) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byAccount = account != null && !account.isBlank();
        if (byEmail == byAccount) {
            throw byEmail ? new InvalidRequestException("account", "must not be given with email: one or the other")
                    : new InvalidRequestException("email", "is required");
        }
        HandoffAccess access = Callers.access(identity);
        Uni<List<Handoff>> found = byEmail ? handoffs.listByEmail(email) : handoffs.listByAccount(account.trim());
        return found.map(list -> list.stream()
                .filter(handoff -> access.mayAccess(handoff.assignee()))
                .map(handoff -> HandoffView.of(handoff, contributions)).toList());
    }
}
