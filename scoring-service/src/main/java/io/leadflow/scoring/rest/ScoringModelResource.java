package io.leadflow.scoring.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.events.StorableText;
import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.WhatIfTally;
import io.leadflow.scoring.messaging.JobAlreadyRunning;
import io.leadflow.scoring.messaging.ModelPreview;
import io.leadflow.scoring.messaging.ModelReplay;
import io.leadflow.scoring.messaging.PreviewJob;
import io.leadflow.scoring.persistence.ReplayJobRepository;
import io.leadflow.scoring.persistence.ScoringModelStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The versioned scoring model: the active version, its history, publishing a new one, previewing and replaying. */
@Path("/v1/scoring-model")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringModelResource {

    private static final int MAX_TEXT = 200;
    private static final int MAX_TOP = 100;

    private final ScoringModelStore store;
    private final ActiveScoringModel active;
    private final ModelReplay replay;
    private final ModelPreview preview;
    private final ReplayJobRepository jobs;
    private final Clock clock;
    private final long synchronousPreviewLeads;

    public ScoringModelResource(ScoringModelStore store, ActiveScoringModel active, ModelReplay replay, ModelPreview preview,
            ReplayJobRepository jobs, Clock clock,
            @ConfigProperty(name = "leadflow.scoring.preview.synchronous-leads") long synchronousPreviewLeads) {
        this.synchronousPreviewLeads = synchronousPreviewLeads;
        this.store = store;
        this.active = active;
        this.replay = replay;
        this.preview = preview;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Operation(summary = "The active scoring model version, with its document")
    public Uni<ModelVersionView> active() {
        return store.active().map(ModelVersionView::of);
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Path("/versions")
    @Operation(summary = "Every published version, newest first, without their documents")
    public Uni<List<ModelVersionView>> versions() {
        return store.versions().map(versions -> versions.stream().map(ModelVersionView::summaryOf).toList());
    }

    @PUT
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version; it becomes the active one at once, and every lead is re-scored under it in the background")
    @APIResponse(responseCode = "200", description = "The published version, with the replay job that re-scores every lead")
    @APIResponse(responseCode = "400", description = "The request or the model is invalid; each error names its field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelVersionView> publish(PublishModelRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidModelException(List.of(new FieldError("", "the body must be a JSON object with author, changelog and model")));
        }
        requireText(errors, "author", request.author());
        requireText(errors, "changelog", request.changelog());
        if (request.model() == null || request.model().isNull()) {
            errors.add(new FieldError("model", "is required: the scoring model document"));
        } else {
            ScoringModelJson.parse(request.model()).problems().forEach(problem ->
                    errors.add(new FieldError(problem.field().isEmpty() ? "model" : "model." + problem.field(), problem.message())));
        }
        // the version is stored as jsonb and text: what PostgreSQL cannot keep is a 400, not a failed transaction
        StorableText.flaw("author", request.author()).or(() -> StorableText.flaw("changelog", request.changelog()))
                .or(() -> StorableText.flaw("model", request.model()))
                .ifPresent(flaw -> errors.add(new FieldError(flaw.field(), flaw.problem())));
        if (!errors.isEmpty()) {
            throw new InvalidModelException(errors);
        }
        return store.publish(request.model(), request.author().trim(), request.changelog().trim(), clock.instant())
                .invoke(active::activate)
                .flatMap(published -> replay.start(published)
                        .map(job -> ModelVersionView.published(published, ReplayJobView.of(job))));
    }

    @POST
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a candidate model would do to every lead, answered at once, without publishing it or changing anything;"
            + " only while there are few leads (leadflow.scoring.preview.synchronous-leads): else start a preview job at POST /previews")
    @APIResponse(responseCode = "200", description = "Leads that would change score and stage, per transition, and the top movers")
    @APIResponse(responseCode = "400", description = "The candidate model is invalid; each error names its field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Too many leads to answer at once, or a preview is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WhatIfTally.Summary> preview(
            @Parameter(description = "How many of the leads that would move most to list (1 to 100)") @RestQuery @DefaultValue("10") int top,
            JsonNode model) {
        LeadScorer candidate = candidate(top, model);
        return startPreview(candidate, top, synchronousPreviewLeads)
                .flatMap(job -> Uni.createFrom().completionStage(job::outcome));
    }

    @POST
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Path("/previews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a what-if preview of a candidate model over every lead, in the background, without publishing it or changing anything")
    @APIResponse(responseCode = "202", description = "The preview job, started; follow its progress and read its result at its Location")
    @APIResponse(responseCode = "400", description = "The candidate model is invalid; each error names its field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A preview is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PreviewJobView>> startPreview(
            @Parameter(description = "How many of the leads that would move most to list (1 to 100)") @RestQuery @DefaultValue("10") int top,
            JsonNode model) {
        LeadScorer candidate = candidate(top, model);
        return startPreview(candidate, top, Long.MAX_VALUE)
                .map(job -> RestResponse.ResponseBuilder.accepted(PreviewJobView.of(job))
                        .location(URI.create("/v1/scoring-model/previews/" + job.id())).build());
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Path("/previews/{id}")
    @Operation(summary = "A preview job's progress, and its result once done (the instance that runs it keeps its latest 20)")
    @APIResponse(responseCode = "200", description = "The job: status, total, done, and once DONE the result")
    @APIResponse(responseCode = "404", description = "No such job (on this instance)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreviewJobView previewJob(@Parameter(description = "The job's id") @RestPath String id) {
        return preview.job(parseJobId(id)).map(PreviewJobView::of)
                .orElseThrow(() -> new UnknownResourceException("there is no preview job " + id));
    }

    private Uni<PreviewJob> startPreview(LeadScorer candidate, int top, long atMostLeads) {
        return preview.start(candidate, top, atMostLeads).onFailure().transform(failure -> {
            if (failure instanceof JobAlreadyRunning busy) {
                return new ConflictException("a what-if preview is already running; follow it at /v1/scoring-model/previews/" + busy.running()
                        + " and ask again when it is done");
            }
            if (failure instanceof ModelPreview.TooManyLeads many) {
                return new ConflictException("there are " + many.leads() + " leads, more than the " + atMostLeads
                        + " a preview answers at once: start a preview job with POST /v1/scoring-model/previews and follow its Location");
            }
            return failure;
        });
    }

    /** The candidate model of a preview, or a 400 naming what is wrong. */
    private static LeadScorer candidate(int top, JsonNode model) {
        if (top < 1 || top > MAX_TOP) {
            throw new InvalidInputException("top", "must be between 1 and " + MAX_TOP + ", was " + top);
        }
        if (model == null || model.isNull()) {
            throw new InvalidModelException(List.of(new FieldError("", "the body must be a scoring model document")));
        }
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(model);
        if (!parsed.valid()) {
            throw new InvalidModelException(parsed.problems().stream()
                    .map(problem -> new FieldError(problem.field(), problem.message())).toList());
        }
        return new LeadScorer(0, parsed.model());
    }

    @POST
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Path("/versions/{version}/replay")
    @Operation(summary = "Re-score every lead's stored history under the active version, in the background")
    @APIResponse(responseCode = "202", description = "The replay job, started; follow it at its Location")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version is not the active one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ReplayJobView>> replay(@Parameter(description = "The model version") @RestPath int version) {
        return store.version(version)
                .onItem().ifNull().failWith(() -> new UnknownResourceException("there is no scoring model version " + version))
                .invoke(stored -> {
                    // new engagements are scored with the active version: a replay under another would be undone by them
                    if (!stored.active()) {
                        throw new ConflictException("version " + version + " is not the active one: publish its document again to go back to it");
                    }
                })
                .flatMap(replay::start)
                .map(job -> RestResponse.ResponseBuilder.accepted(ReplayJobView.of(job))
                        .location(URI.create("/v1/scoring-model/replays/" + job.id())).build());
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Path("/replays/{id}")
    @WithSession
    @Operation(summary = "A replay job's progress")
    @APIResponse(responseCode = "200", description = "The job: status, total, done, changed")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReplayJobView> replayJob(@Parameter(description = "The job's id") @RestPath String id) {
        return jobs.findById(parseJobId(id))
                .onItem().ifNull().failWith(() -> new UnknownResourceException("there is no replay job " + id))
                .map(ReplayJobView::of);
    }

    /** A job's id from its path, or a 400 naming the field. */
    static UUID parseJobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException("id", "the job id must be a UUID, was " + id);
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
