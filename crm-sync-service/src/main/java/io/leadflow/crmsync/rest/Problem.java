package io.leadflow.crmsync.rest;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param errors the fields that were wrong, for invalid input
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
