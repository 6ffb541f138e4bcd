package io.leadflow.capture.rest;

import io.leadflow.capture.domain.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemAnswers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** The problem+json answers of the capture API, in api-problems' one {@link Problem} body. */
final class Problems {

    static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

    private Problems() {
    }

    static Response invalid(List<FieldError> errors) {
        return answer(problem(400, "invalid-event", "Invalid event",
                errors.size() + " field(s) are invalid; nothing was captured", errors));
    }

    static Response malformed(FieldError error) {
        return answer(problem(400, "malformed-request", "Malformed request",
                "the body could not be read; nothing was captured", List.of(error)));
    }

    static Response tooLarge(String detail, List<FieldError> errors) {
        return answer(problem(413, "too-large", "Content too large", detail, errors));
    }

    static Response unknownForm(String formId) {
        return answer(problem(404, "unknown-form", "Unknown form", "no form '" + formId + "' is configured", List.of()));
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(answer(problem(401, "unauthorized", "Unauthorized", detail, List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"leadflow\"")
                .build();
    }

    /** Bad input to the management API; nothing was changed. */
    static Response invalidRequest(List<FieldError> errors) {
        return answer(problem(400, "invalid-request", "Invalid request",
                errors.size() + " field(s) are invalid; nothing was changed", errors));
    }

    static Response notFound(String detail) {
        return answer(problem(404, "not-found", "Not found", detail, List.of()));
    }

    static Response conflict(String detail) {
        return answer(problem(409, "conflict", "Conflict", detail, List.of()));
    }

    static Response forbidden(String detail) {
        return answer(problem(403, "forbidden", "Forbidden", detail, List.of()));
    }

    /** A public write key sent what only a secret key may: identity, traits, or engagement no browser shows by itself. */
    static Response outOfScope(List<FieldError> errors) {
        return answer(problem(403, "public-key-scope", "Not for a public key",
                "a public write key sends anonymous browser engagement only; " + errors.size()
                        + " field(s) need a secret key or a form post; nothing was captured", errors));
    }

    static Response tooManyRequests(String client, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(answer(problem(429, "rate-limited", "Too many requests",
                        client + " sent more requests than its limit allows; send again after " + seconds + " s", List.of())))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    static Response badToken() {
        return answer(problem(400, "invalid-link", "Invalid link",
                "the link's token was not signed by this service or was changed; nothing was recorded", List.of()));
    }

    static Response unavailable(Duration retryAfter) {
        return Response.fromResponse(answer(problem(503, "broker-unavailable", "Service unavailable",
                        "the event broker did not acknowledge every event in time; send the request again, "
                                + "with the same eventIds so that events already written count once", List.of())))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfter.toSeconds()))
                .build();
    }

    /** A problem of kind {@code type}, naming the wrong fields the capture rules found. */
    static Problem problem(int status, String type, String title, String detail, List<FieldError> errors) {
        return Problem.of(status, type, title, detail,
                errors.stream().map(error -> new io.leadflow.problems.FieldError(error.field(), error.message())).toList());
    }

    static Response answer(Problem problem) {
        return ProblemAnswers.response(problem);
    }
}
