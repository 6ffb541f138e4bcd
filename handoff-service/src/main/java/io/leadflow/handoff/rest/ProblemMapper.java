package io.leadflow.handoff.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers invalid requests with RFC 9457 problem details that name the wrong field. */
public class ProblemMapper {

    static final String INVALID_REQUEST = "https://leadflow.io/problems/invalid-request";

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        Problem problem = new Problem(INVALID_REQUEST, "Invalid request", 400, e.getMessage(),
                e.problems().stream().map(wrong -> new Problem.FieldError(wrong.field(), wrong.message())).toList());
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
