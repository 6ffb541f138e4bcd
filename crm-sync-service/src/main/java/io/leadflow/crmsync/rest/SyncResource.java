package io.leadflow.crmsync.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.crmsync.messaging.OperatorRetry;
import io.leadflow.crmsync.persistence.ErasureRecord;
import io.leadflow.crmsync.persistence.Erasures;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.problems.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sync ledger, read by lead: what reached the CRM, what is being retried, and what failed; and the
 * operator's retry. Callers are bearer JWTs with roles (docs/security.md), checked before anything is read.
 */
@Path("/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CRM sync")
public class SyncResource {

    private static final String NO_VALID_TOKEN =
            "No bearer JWT, or one that is malformed, expired, from another issuer or signed by another key";

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SyncLedger ledger;
    private final Erasures erasures;
    private final OperatorRetry operatorRetry;

    public SyncResource(SyncLedger ledger, Erasures erasures, OperatorRetry operatorRetry) {
        this.ledger = ledger;
        this.erasures = erasures;
        this.operatorRetry = operatorRetry;
    }

    @GET
    @Path("/{leadId}")
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Operation(summary = "A lead's CRM syncs",
            description = "One entry per handoff of the lead, oldest first; an unknown lead has none (an empty list). "
                    + "After the lead's erasure the entries are anonymized and each carries what the erasure did in its CRM. "
                    + "Role marketing-ops, sales-manager or admin.")
    @APIResponse(responseCode = "200", description = "The lead's entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SyncEntry.class)))
    @APIResponse(responseCode = "401", description = NO_VALID_TOKEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token with none of the roles",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SyncEntry>> forLead(@PathParam("leadId") String leadId) {
        if (!UUID.matcher(leadId).matches()) {
            throw new InvalidInputException("leadId", "must be a UUID, as scoring-service assigns them");
        }
        return ledger.forLead(leadId).flatMap(records -> erasures.forLead(leadId).map(erased -> {
            // the latest erasure in each CRM
            Map<String, ErasureRecord> byTarget = new HashMap<>();
            erased.forEach(erasure -> byTarget.put(erasure.target(), erasure));
            return records.stream().map(record -> SyncEntry.from(record, byTarget.get(record.target()))).toList();
        }));
    }

    @POST
    @Path("/{handoffId}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retry a FAILED handoff (operators)",
            description = "One attempt to write a handoff whose retry budget is spent. 200 with its entry once the CRM took it "
                    + "(crm.synced.v1 follows); 502 problem when the CRM refused it again (it stays FAILED); 404 for an unknown "
                    + "handoff; 409 for one that is not FAILED. Role admin.")
    @APIResponse(responseCode = "200", description = "Synced: its entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncEntry.class)))
    @APIResponse(responseCode = "401", description = NO_VALID_TOKEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A token without the admin role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SyncEntry> retry(@PathParam("handoffId") String handoffId) {
        if (!UUID.matcher(handoffId).matches()) {
            throw new InvalidInputException("handoffId", "must be a UUID, as handoff-service assigns them");
        }
        return operatorRetry.retry(handoffId).map(record -> SyncEntry.from(record, null));
    }
}
