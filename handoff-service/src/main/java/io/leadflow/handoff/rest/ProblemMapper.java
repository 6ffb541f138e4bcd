package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.IllegalTransitionException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers failed requests with RFC 9457 problem details; invalid input names the wrong field. */
public class ProblemMapper {

    static final String INVALID_REQUEST = "https://leadflow.io/problems/invalid-request";
    static final String NOT_FOUND = "https://leadflow.io/problems/not-found";
    static final String ILLEGAL_TRANSITION = "https://leadflow.io/problems/illegal-transition";
    static final String FORBIDDEN = "https://leadflow.io/problems/forbidden";

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        Problem problem = new Problem(INVALID_REQUEST, "Invalid request", 400, e.getMessage(),
                e.problems().stream().map(wrong -> new Problem.FieldError(wrong.field(), wrong.message())).toList());
        return answer(problem);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return answer(new Problem(NOT_FOUND, "Not found", 404, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return answer(new Problem(ILLEGAL_TRANSITION, "Action not allowed in the handoff's status", 409, e.getMessage(), List.of()));
    }

    /** A sales rep asking for what only others' handoffs hold (refused tokens and roles: api-security). */
    @ServerExceptionMapper
    public Response notOwn(NotOwnException e) {
        return answer(new Problem(FORBIDDEN, "Forbidden", 403, e.getMessage(), List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
