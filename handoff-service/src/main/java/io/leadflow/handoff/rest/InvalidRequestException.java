package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A request input that is wrong: answered 400 problem+json naming each wrong field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    /** {@code reason} says what is wrong, without the field's name: "is required". */
    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
