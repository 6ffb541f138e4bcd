package io.leadflow.capture.rest;

import io.leadflow.capture.domain.FieldError;
import io.leadflow.problems.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the framework's own refusals (unknown path, wrong method or media type, unreadable JSON) as problem+json too. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response refused(RequestRefused refused) {
        return refused.answer();
    }

    /**
     * A JSON body bound by Quarkus ({@code POST /v1/email-links}, the management API) whose first bytes
     * look like UTF-32 but whose characters are not: Jackson refuses it with this plain IOException,
     * which Quarkus would answer 500 (found by EmailLinkFuzzTest). It is bad input: a 400.
     */
    @ServerExceptionMapper
    public Response unreadable(CharConversionException exception) {
        return Problems.malformed(new FieldError("body", "is not JSON text in UTF-8, UTF-16 or UTF-32: " + exception.getMessage()));
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
