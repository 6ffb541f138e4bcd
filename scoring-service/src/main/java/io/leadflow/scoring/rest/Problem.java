package io.leadflow.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The problem+json shape as scoring's resources name it in their OpenAPI annotations and field
 * lists. The body actually served is api-problems' {@link io.leadflow.problems.Problem}, which has
 * the same members: the exceptions of this package turn these field errors into it. This copy goes
 * once LeadResource, ScoringModelResource and ReportResource import the shared type.
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
