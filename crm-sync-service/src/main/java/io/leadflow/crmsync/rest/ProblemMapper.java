package io.leadflow.crmsync.rest;

import io.leadflow.crmsync.messaging.OperatorRetry;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors into problem+json answers. */
public class ProblemMapper {

    private static final String INVALID_INPUT_TYPE = "https://leadflow.io/problems/invalid-input";
    private static final String PROBLEMS = "https://leadflow.io/problems/";

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(InvalidInputException e) {
        Problem problem = new Problem(INVALID_INPUT_TYPE, "Invalid input", 400, e.field() + " " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
        return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST, problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> inboundRefused(InboundRefusedException e) {
        String title = e.status() == 401 ? "Not signed by the CRM" : "Inbound CRM calls are not configured";
        Problem problem = new Problem(PROBLEMS + (e.status() == 401 ? "bad-signature" : "inbound-not-configured"), title,
                e.status(), e.getMessage(), null);
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(e.status()), problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> retryRefused(OperatorRetry.Refused e) {
        Problem problem = switch (e.why()) {
            case UNKNOWN -> new Problem(PROBLEMS + "unknown-handoff", "Unknown handoff", 404, e.getMessage(), null);
            case NOT_FAILED -> new Problem(PROBLEMS + "not-failed", "Handoff is not FAILED", 409, e.getMessage(), null);
            case CRM_REFUSED -> new Problem(PROBLEMS + "crm-refused", "The CRM did not take the lead", 502, e.getMessage(), null);
        };
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(problem.status()), problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
