package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import java.util.List;
import java.util.stream.Collectors;

/** A request input that is wrong: answered 400 problem+json naming each wrong field. */
public class InvalidRequestException extends ProblemException {

    /** {@code reason} says what is wrong, without the field's name: "is required". */
    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidRequestException(List<FieldProblem> problems) {
        super(Problem.of(400, "invalid-request", "Invalid request",
                problems.stream().map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")),
                problems.stream().map(problem -> new FieldError(problem.field(), problem.message())).toList()));
    }
}
