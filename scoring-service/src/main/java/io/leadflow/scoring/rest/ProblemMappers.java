package io.leadflow.scoring.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the API's errors as problem+json. */
public class ProblemMappers {

    private static final String TYPES = "https://leadflow.io/problems/";

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(InvalidInputException e) {
        return problem(new Problem(TYPES + "invalid-input", "Invalid input", 400, e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidModel(InvalidModelException e) {
        return problem(new Problem(TYPES + "invalid-input", "Invalid input", 400, e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(UnknownResourceException e) {
        return problem(new Problem(TYPES + "not-found", "Not found", 404, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> conflict(ConflictException e) {
        return problem(new Problem(TYPES + "conflict", "Conflict", 409, e.getMessage(), List.of()));
    }

    private static RestResponse<Problem> problem(Problem problem) {
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(problem.status()), problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
