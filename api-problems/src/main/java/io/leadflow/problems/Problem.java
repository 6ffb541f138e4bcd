package io.leadflow.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer of every Leadflow API
 * ({@code application/problem+json}). An empty {@code errors} is left out of the JSON.
 *
 * @param type what kind of problem: a stable URI under {@value #TYPES} that clients may switch on
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors for invalid input, each wrong field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPES = "https://leadflow.io/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem of kind {@code TYPES + slug} that names no field. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPES + slug, title, status, detail, List.of());
    }

    /** A problem of kind {@code TYPES + slug} naming the wrong fields. */
    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPES + slug, title, status, detail, errors);
    }
}
