package io.leadflow.crmsync.rest;

import io.leadflow.crmsync.messaging.OperatorRetry;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemAnswers;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers an operator's refused retry as problem+json; the request errors (InvalidInputException,
 * InboundRefusedException) are api-problems' ProblemExceptions, answered by its mapper.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public RestResponse<Problem> retryRefused(OperatorRetry.Refused e) {
        Problem problem = switch (e.why()) {
            case UNKNOWN -> Problem.of(404, "unknown-handoff", "Unknown handoff", e.getMessage());
            case NOT_FAILED -> Problem.of(409, "not-failed", "Handoff is not FAILED", e.getMessage());
            case CRM_REFUSED -> Problem.of(502, "crm-refused", "The CRM did not take the lead", e.getMessage());
        };
        return ProblemAnswers.answer(problem);
    }
}
