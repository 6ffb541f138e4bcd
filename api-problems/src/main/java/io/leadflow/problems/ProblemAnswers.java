package io.leadflow.problems;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/** A {@link Problem} as an HTTP answer: its status, {@value Problem#MEDIA_TYPE}, the problem as body. */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static RestResponse.ResponseBuilder<Problem> builder(Problem problem) {
        // by number: Response.Status names no 422 (a calibration's too few outcomes), and fromStatusCode gives null for it
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }

    public static RestResponse<Problem> answer(Problem problem) {
        return builder(problem).build();
    }

    /** The same, for code that builds a JAX-RS {@link Response}. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
