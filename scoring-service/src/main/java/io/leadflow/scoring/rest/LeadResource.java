package io.leadflow.scoring.rest;

import io.leadflow.apisecurity.CallerSubject;
import io.leadflow.apisecurity.Roles;
import io.leadflow.events.LeadKeys;
import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.scoring.messaging.LeadErasure;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.LedgerRepository;
import io.leadflow.scoring.persistence.StageChangeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Leads, their scores and the ledger that explains each score, their lifecycle history; erasing a lead. */
@Path("/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private static final int MAX_TEXT = 500;

    private final LeadRepository leads;
    private final LedgerRepository ledger;
    private final StageChangeRepository stageChanges;
    private final LeadErasure erasure;
    private final Clock clock;

    public LeadResource(LeadRepository leads, LedgerRepository ledger, StageChangeRepository stageChanges, LeadErasure erasure,
            Clock clock) {
        this.leads = leads;
        this.ledger = ledger;
        this.stageChanges = stageChanges;
        this.erasure = erasure;
        this.clock = clock;
    }

    // not a sales rep's: a rep reads the score and explanation of the leads handed to them, and only those, in
    // handoff-service (docs/security.md); scoring cannot tell which leads those are
    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
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
                .onItem().ifNull().failWith(() -> new UnknownResourceException("no lead has the email " + email.trim()))
                .flatMap(lead -> ledger.entriesOf(lead.id()).map(entries -> LeadView.of(lead, entries)));
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Path("/{id}/score")
    @WithSession
    @Operation(summary = "A lead's engagement score as of now, fit and stage, and every ledger entry that makes up the score")
    @APIResponse(responseCode = "200", description = "The score, explained")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeadScoreView> score(@Parameter(description = "The lead's id") @RestPath String id) {
        Instant now = clock.instant();
        return existing(id)
                .flatMap(lead -> ledger.entriesOf(lead.id()).map(entries -> LeadScoreView.of(lead, entries, now)));
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Path("/{id}/lifecycle")
    @WithSession
    @Operation(summary = "A lead's lifecycle history: its stage changes in time order, each with its cause and the time spent "
            + "in the stage it left")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LifecycleView> lifecycle(@Parameter(description = "The lead's id") @RestPath String id) {
        return existing(id)
                .flatMap(lead -> stageChanges.changesOf(lead.id()).map(changes -> LifecycleView.of(lead, changes)));
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Erase a lead (right to erasure): its scores, ledger, history and merged anonymous ids; "
            + "lead.erased.v2 tells the other services. The requester recorded is the token's subject")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", description = "The id is not a UUID, the reason is missing, or requestedBy was sent "
            + "(the requester is the token's subject, never a parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> erase(@Parameter(description = "The lead's id") @RestPath String id,
            @Parameter(description = "Why, as written in the request (a subject-request ticket)", required = true) @RestQuery String reason,
            @Parameter(hidden = true) @RestQuery String requestedBy, @Context SecurityContext security) {
        UUID leadId = parseId(id);
        List<FieldError> errors = new ArrayList<>();
        if (requestedBy != null) {
            // a parameter anyone can write must not stand in for who asked: the token says it
            errors.add(new FieldError("requestedBy", "is not a parameter: the requester is the subject of the bearer token"));
        }
        requireText(errors, "reason", reason);
        if (!errors.isEmpty()) {
            throw new InvalidModelException(errors);
        }
        return erasure.erase(leadId, CallerSubject.of(security.getUserPrincipal()), reason.trim())
                .map(erased -> {
                    if (!erased) {
                        throw new UnknownResourceException("no lead has the id " + id);
                    }
                    return RestResponse.noContent();
                });
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "the query parameter " + field + " is required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    /** The lead with this id; fails as 400 for an id that is not a UUID, as 404 for one no lead has. */
    private Uni<Lead> existing(String id) {
        return leads.findById(parseId(id)).onItem().ifNull().failWith(() -> new UnknownResourceException("no lead has the id " + id));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException("id", "the lead id must be a UUID, was " + id);
        }
    }
}
