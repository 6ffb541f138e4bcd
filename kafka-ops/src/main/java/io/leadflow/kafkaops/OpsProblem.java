package io.leadflow.kafkaops;

import java.util.List;

/** An RFC 9457 problem details body ({@code application/problem+json}) of the operations API. */
public record OpsProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
