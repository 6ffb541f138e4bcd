package io.leadflow.scoring.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import io.leadflow.scoring.domain.calibration.TooFewOutcomes;
import io.leadflow.scoring.messaging.JobAlreadyRunning;
import io.leadflow.scoring.messaging.ModelCalibration;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Calibrations: the scoring model's points learned from sales' verdicts, with a backtest against the current ones. */
@Path("/v1/scoring-model/calibrations")
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    private final ModelCalibration calibration;

    public CalibrationResource(ModelCalibration calibration) {
        this.calibration = calibration;
    }

    @POST
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Learn the active model's points from sales' verdicts in a window, in the background; changes nothing")
    @APIResponse(responseCode = "202", description = "The calibration, started; follow its progress and read its result at its Location")
    @APIResponse(responseCode = "400", description = "The window is invalid; the error names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A calibration is already running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too few outcomes of a class in the training or the test part; says how many there are",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CalibrationView>> start(CalibrationRequest request) {
        if (request == null) {
            throw new InvalidInputException("from", "the body must be a JSON object with from and to");
        }
        Instant from = instant("from", request.from(), true);
        Instant to = instant("to", request.to(), true);
        Instant testFrom = instant("testFrom", request.testFrom(), false);
        if (!from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (testFrom != null && (!testFrom.isAfter(from) || !testFrom.isBefore(to))) {
            throw new InvalidInputException("testFrom", "must lie inside the window, after from and before to");
        }
        return calibration.start(from, to, testFrom).onFailure().transform(failure -> {
            if (failure instanceof TooFewOutcomes few) {
                return new ProblemException(Problem.of(422, "too-few-outcomes", "Too few outcomes", few.getMessage()));
            }
            if (failure instanceof JobAlreadyRunning busy) {
                return new ConflictException("a calibration is already running; follow it at /v1/scoring-model/calibrations/"
                        + busy.running() + " and ask again when it is done");
            }
            return failure;
        }).map(job -> RestResponse.ResponseBuilder.accepted(CalibrationView.of(job))
                .location(URI.create("/v1/scoring-model/calibrations/" + job.id())).build());
    }

    @GET
    @RolesAllowed({Roles.MARKETING_OPS, Roles.ADMIN})
    @Path("/{id}")
    @Operation(summary = "A calibration's progress, and once done its suggestion and backtest (the instance that runs it keeps its latest 20)")
    @APIResponse(responseCode = "200", description = "The calibration: status, phase, total, done, and once DONE the result")
    @APIResponse(responseCode = "404", description = "No such calibration (on this instance)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalibrationView job(@Parameter(description = "The calibration's id") @RestPath String id) {
        return calibration.job(ScoringModelResource.parseJobId(id)).map(CalibrationView::of)
                .orElseThrow(() -> new UnknownResourceException("there is no calibration " + id));
    }

    private static Instant instant(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required: an ISO-8601 instant such as 2026-11-01T00:00:00Z");
            }
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, was " + value);
        }
    }
}
