package io.leadflow.problems;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every service's {@link ProblemException} with its problem, as problem+json. */
public class ProblemExceptionMapper {

    @ServerExceptionMapper
    public RestResponse<Problem> refused(ProblemException refusal) {
        return ProblemAnswers.answer(refusal.problem());
    }
}
