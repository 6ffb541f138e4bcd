package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.IllegalTransitionException;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemAnswers;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers an action the handoff's status does not allow (a domain exception) as problem+json; the
 * request errors (InvalidRequestException, ResourceNotFoundException, NotOwnException) are
 * api-problems' ProblemExceptions, answered by its mapper.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public RestResponse<Problem> illegalTransition(IllegalTransitionException e) {
        return ProblemAnswers.answer(Problem.of(409, "illegal-transition", "Action not allowed in the handoff's status", e.getMessage()));
    }
}
