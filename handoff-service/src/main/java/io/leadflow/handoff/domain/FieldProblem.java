package io.leadflow.handoff.domain;

/** One thing wrong with an input, named by its path: {@code rules[2].route.queue}. */
public record FieldProblem(String field, String message) {
}
