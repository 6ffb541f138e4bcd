package io.leadflow.capture.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the framework's own refusals (unknown path, wrong method or media type) as problem+json too. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response refused(RequestRefused refused) {
        return refused.answer();
    }

    @ServerExceptionMapper
    public Response map(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Problem problem = Problems.problem(status.getStatusCode(), "http-" + status.getStatusCode(),
                status.getReasonPhrase(), exception.getMessage(), List.of());
        Response.ResponseBuilder answer = Response.fromResponse(Problems.answer(problem));
        // keep what the refusal told the client, such as Allow on a 405
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
