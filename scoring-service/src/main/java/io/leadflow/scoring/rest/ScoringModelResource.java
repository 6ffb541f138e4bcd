package io.leadflow.scoring.rest;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.persistence.ScoringModelStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The versioned scoring model: the active version, its history, and publishing a new one. */
@Path("/v1/scoring-model")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringModelResource {

    private static final int MAX_TEXT = 200;

    private final ScoringModelStore store;
    private final ActiveScoringModel active;
    private final Clock clock;

    public ScoringModelResource(ScoringModelStore store, ActiveScoringModel active, Clock clock) {
        this.store = store;
        this.active = active;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The active scoring model version, with its document")
    public Uni<ModelVersionView> active() {
        return store.active().map(ModelVersionView::of);
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every published version, newest first, without their documents")
    public Uni<List<ModelVersionView>> versions() {
        return store.versions().map(versions -> versions.stream().map(ModelVersionView::summaryOf).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version; it becomes the active one at once")
    @APIResponse(responseCode = "200", description = "The published version")
    @APIResponse(responseCode = "400", description = "The request or the model is invalid; each error names its field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ModelVersionView> publish(PublishModelRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidModelException(List.of(new Problem.FieldError("", "the body must be a JSON object with author, changelog and model")));
        }
        requireText(errors, "author", request.author());
        requireText(errors, "changelog", request.changelog());
        if (request.model() == null || request.model().isNull()) {
            errors.add(new Problem.FieldError("model", "is required: the scoring model document"));
        } else {
            ScoringModelJson.parse(request.model()).problems().forEach(problem ->
                    errors.add(new Problem.FieldError(problem.field().isEmpty() ? "model" : "model." + problem.field(), problem.message())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidModelException(errors);
        }
        return store.publish(request.model(), request.author().trim(), request.changelog().trim(), clock.instant())
                .invoke(active::activate)
                .map(ModelVersionView::of);
    }

    private static void requireText(List<Problem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new Problem.FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
