package io.leadflow.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title the kind of problem, in words
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param errors for invalid input, each wrong field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A wrong field of a request. */
    public record FieldError(String field, String message) {
    }
}
