package io.leadflow.capture.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.capture.domain.FieldError;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type what kind of problem, a stable URI clients may switch on
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors the wrong fields, for invalid input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
