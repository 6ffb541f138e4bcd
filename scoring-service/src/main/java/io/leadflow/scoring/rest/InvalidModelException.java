package io.leadflow.scoring.rest;

import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;
import java.util.List;

/** A request whose fields are wrong, each problem naming its field: answered 400 problem+json. */
public class InvalidModelException extends ProblemException {

    public InvalidModelException(List<FieldError> errors) {
        super(Problem.of(400, "invalid-input", "Invalid input",
                errors.size() + " field(s) of the request are invalid: " + errors.get(0).field() + " " + errors.get(0).message()
                        + (errors.size() > 1 ? ", ..." : ""),
                errors));
    }
}
