package io.leadflow.problems;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/** A {@link Problem} as an HTTP answer: its status, {@value Problem#MEDIA_TYPE}, the problem as body. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        return RestResponse.ResponseBuilder.create(Response.Status.fromStatusCode(problem.status()), problem).type(Problem.MEDIA_TYPE);
    }

    public static RestResponse<Problem> answer(Problem problem) {
        return builder(problem).build();
    }

    /** The same, for code that builds a JAX-RS {@link Response}. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
