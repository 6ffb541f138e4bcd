package io.leadflow.crmsync.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors into problem+json answers. */
public class ProblemMapper {

    private static final String INVALID_INPUT_TYPE = "https://leadflow.io/problems/invalid-input";

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(InvalidInputException e) {
        Problem problem = new Problem(INVALID_INPUT_TYPE, "Invalid input", 400, e.field() + " " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
        return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST, problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
