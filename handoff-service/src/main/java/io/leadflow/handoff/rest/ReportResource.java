package io.leadflow.handoff.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.persistence.HandoffReports;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Reports over the handoffs made in a period: SLA compliance and time to first action, and sales outcomes. */
@Path("/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
public class ReportResource {

    private final HandoffReports reports;
    private final Clock clock;

    public ReportResource(HandoffReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @Path("sla")
    @Operation(summary = "SLA compliance, breaches and median / p90 time to first action, in all and per rep")
    public Uni<SlaReport> sla(
            @Parameter(description = "first handoff time included: ISO-8601 instant or date; default 30 days before to") @QueryParam("from") String from,
            @Parameter(description = "first handoff time excluded: ISO-8601 instant or date; default now") @QueryParam("to") String to) {
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.parse(from, to, now);
        return reports.sla(period.from(), period.to(), now).map(rows -> SlaReport.of(period, rows));
    }

    @GET
    @Path("outcomes")
    @Operation(summary = "Accept, reject and recycle rates and MQL-to-SQL conversion, in all, per rep and per source")
    public Uni<OutcomeReport> outcomes(
            @Parameter(description = "first handoff time included: ISO-8601 instant or date; default 30 days before to") @QueryParam("from") String from,
            @Parameter(description = "first handoff time excluded: ISO-8601 instant or date; default now") @QueryParam("to") String to) {
        ReportPeriod period = ReportPeriod.parse(from, to, clock.instant());
        return reports.outcomes(period.from(), period.to()).map(rows -> OutcomeReport.of(period, rows));
    }
}
