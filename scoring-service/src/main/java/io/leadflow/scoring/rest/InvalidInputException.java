package io.leadflow.scoring.rest;

import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import java.util.List;

/** A request whose field {@code field} is missing or wrong: answered 400 problem+json naming the field. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String message) {
        super(Problem.of(400, "invalid-input", "Invalid input", message, List.of(new FieldError(field, message))));
    }
}
