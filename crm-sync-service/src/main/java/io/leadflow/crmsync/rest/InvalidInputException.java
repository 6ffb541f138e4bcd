package io.leadflow.crmsync.rest;

import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import java.util.List;

/** A request input that is wrong; answered 400 problem+json naming the field. */
public class InvalidInputException extends ProblemException {

    /** {@code message} says what is wrong, without the field's name: "is required". */
    public InvalidInputException(String field, String message) {
        super(Problem.of(400, "invalid-input", "Invalid input", field + " " + message, List.of(new FieldError(field, message))));
    }
}
