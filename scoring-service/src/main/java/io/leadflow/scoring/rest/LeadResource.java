package io.leadflow.scoring.rest;

import io.leadflow.events.LeadKeys;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Leads, their scores and the ledger that explains each score. */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private final LeadRepository leads;
    private final LedgerRepository ledger;
    private final Clock clock;

    public LeadResource(LeadRepository leads, LedgerRepository ledger, Clock clock) {
        this.leads = leads;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "A lead by email, with its score, stage and score ledger")
    @APIResponse(responseCode = "200", description = "The lead")
    @APIResponse(responseCode = "400", description = "The email parameter is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead has this email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeadView> byEmail(@Parameter(description = "The lead's email, in any case", required = true) @RestQuery String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email", "the query parameter email is required: the lead's email address");
        }
        return leads.findByKey(LeadKeys.normalizeEmail(email))
                .onItem().ifNull().failWith(() -> new LeadNotFoundException("no lead has the email " + email.trim()))
                .flatMap(lead -> ledger.entriesOf(lead.id()).map(entries -> LeadView.of(lead, entries)));
    }

    @GET
    @Path("/{id}/score")
    @WithSession
    @Operation(summary = "A lead's engagement score as of now, fit and stage, and every ledger entry that makes up the score")
    @APIResponse(responseCode = "200", description = "The score, explained")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeadScoreView> score(@Parameter(description = "The lead's id") @RestPath String id) {
        UUID leadId = parseId(id);
        Instant now = clock.instant();
        return leads.findById(leadId)
                .onItem().ifNull().failWith(() -> new LeadNotFoundException("no lead has the id " + id))
                .flatMap(lead -> ledger.entriesOf(lead.id()).map(entries -> LeadScoreView.of(lead, entries, now)));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException("id", "the lead id must be a UUID, was " + id);
        }
    }
}
