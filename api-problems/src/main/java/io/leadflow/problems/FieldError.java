package io.leadflow.problems;

/**
 * One wrong field of a request, as named in the request ({@code events[1].type}, {@code rules[2].route.queue}).
 *
 * @param field where the problem is
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
