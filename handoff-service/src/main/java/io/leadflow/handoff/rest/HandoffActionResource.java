package io.leadflow.handoff.rest;

import io.leadflow.events.SalesAction;
import io.leadflow.events.StorableText;
import io.leadflow.handoff.domain.HandoffAccess;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.messaging.SalesActions;
import io.leadflow.handoff.persistence.ContributionsJson;
import io.leadflow.txmessaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sales actions on a handoff. Each answers the changed handoff; 400 names a missing
 * {@code reasonCode}, 404 an unknown handoff (or, to a sales rep, another rep's), 409 an action its
 * status does not allow. The actor recorded is the caller (see {@link HandoffAccess#actor}).
 */
@Path("/v1/handoffs/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES_REP, Roles.SALES_MANAGER, Roles.ADMIN})
public class HandoffActionResource {

    private final SalesActions actions;
    private final OutboxRelay relay;
    private final ContributionsJson contributions;
    private final SecurityIdentity identity;

    public HandoffActionResource(SalesActions actions, OutboxRelay relay, ContributionsJson contributions,
            SecurityIdentity identity) {
        this.actions = actions;
        this.relay = relay;
        this.contributions = contributions;
        this.identity = identity;
    }

    @POST
    @Path("accept")
    @Operation(summary = "The rep accepts the lead (SAL)")
    public Uni<HandoffView> accept(@PathParam("id") String id, ActionRequest request) {
        return act(id, SalesAction.ACCEPTED, request);
    }

    @POST
    @Path("qualify")
    @Operation(summary = "The rep qualifies the lead (SQL)")
    public Uni<HandoffView> qualify(@PathParam("id") String id, ActionRequest request) {
        return act(id, SalesAction.QUALIFIED, request);
    }

    @POST
    @Path("reject")
    @Operation(summary = "The rep rejects the lead (DISQUALIFIED); reasonCode is required")
    public Uni<HandoffView> reject(@PathParam("id") String id, ActionRequest request) {
        return act(id, SalesAction.REJECTED, request);
    }

    @POST
    @Path("recycle")
    @Operation(summary = "The rep sends the lead back to nurture (RECYCLED); reasonCode is required")
    public Uni<HandoffView> recycle(@PathParam("id") String id, ActionRequest request) {
        return act(id, SalesAction.RECYCLED, request);
    }

    private Uni<HandoffView> act(String id, SalesAction action, ActionRequest request) {
        ActionRequest given = request == null ? new ActionRequest(null, null) : request;
        if (action.needsReason() && (given.reasonCode() == null || given.reasonCode().isBlank())) {
            throw new InvalidRequestException("reasonCode", "is required to " + verb(action) + " a lead");
        }
        StorableText.flaw("reasonCode", given.reasonCode()).or(() -> StorableText.flaw("actor", given.actor()))
                .ifPresent(flaw -> {
                    throw new InvalidRequestException(flaw.field(), flaw.problem());
                });
        UUID handoffId = parse(id);
        String reason = given.reasonCode() == null || given.reasonCode().isBlank() ? null : given.reasonCode().trim();
        HandoffAccess access = Callers.access(identity);
        SalesActions.Command command = new SalesActions.Command(handoffId, action, reason, access.actor(given.actor()),
                UUID.randomUUID().toString(), true);
        // a handoff the caller may not act on is not found (a rep learns nothing of another's), and nothing changes
        return Panache.withTransaction(() -> actions.apply(command, access::mayAct))
                .invoke(relay::kick)
                .map(handoff -> {
                    if (handoff == null) {
                        throw new ResourceNotFoundException("handoff", id);
                    }
                    return HandoffView.of(handoff, contributions);
                });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "is not a handoff id: " + id);
        }
    }

    private static String verb(SalesAction action) {
        return action == SalesAction.REJECTED ? "reject" : "recycle";
    }
}
