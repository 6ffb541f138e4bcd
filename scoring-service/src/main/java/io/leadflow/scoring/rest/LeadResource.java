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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** Leads, their scores and the ledger that explains each score. */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private final LeadRepository leads;
    private final LedgerRepository ledger;

    public LeadResource(LeadRepository leads, LedgerRepository ledger) {
        this.leads = leads;
        this.ledger = ledger;
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
}
