package io.leadflow.scoring.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.problems.Problem;
import io.leadflow.scoring.domain.Funnel;
import io.leadflow.scoring.domain.StageSnapshots;
import io.leadflow.scoring.persistence.LeadReports;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

/** Reports on the leads scoring knows: the funnel by stage, source and week, with conversion and time in stage. */
@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final int MAX_WEEKS = 104;

    private final LeadReports reports;
    private final Clock clock;

    public ReportResource(LeadReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The funnel of the leads first seen in [from, to). */
    public record FunnelReport(Instant from, Instant to, Funnel.Group total, List<Funnel.Group> bySource,
            List<Funnel.Group> byWeek, List<StageSnapshots.Snapshot> overTime) {
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @Operation(summary = "Known leads by lifecycle stage now and at the end of each week, in all, by first-touch source and by "
            + "the week they were first seen, "
            + "with the share that qualified as an MQL, the conversion from stage to stage and the median time in stage")
    @APIResponse(responseCode = "200", description = "The funnel")
    @APIResponse(responseCode = "400", description = "weeks is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FunnelReport> funnel(
            @Parameter(description = "How many weeks back to count leads first seen in (1 to 104)") @RestQuery @DefaultValue("12") int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidInputException("weeks", "must be between 1 and " + MAX_WEEKS + ", was " + weeks);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(7L * weeks));
        return reports.funnel(from, to)
                .flatMap(counts -> reports.stageChanges(from, to).map(changes -> {
                    Funnel funnel = Funnel.of(counts, changes);
                    return new FunnelReport(from, to, funnel.total(), funnel.bySource(), funnel.byWeek(),
                            StageSnapshots.weekly(counts, changes, to));
                }));
    }
}
