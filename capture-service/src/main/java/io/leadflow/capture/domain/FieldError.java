package io.leadflow.capture.domain;

/**
 * One wrong field of a request, as named in the request ({@code events[1].type}, {@code email}).
 *
 * @param field where the problem is
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
