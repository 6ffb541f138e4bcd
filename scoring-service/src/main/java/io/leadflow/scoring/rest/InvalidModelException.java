package io.leadflow.scoring.rest;

import java.util.List;

/** A request whose fields are wrong, each problem naming its field: answered 400. */
public class InvalidModelException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidModelException(List<Problem.FieldError> errors) {
        super(errors.size() + " field(s) of the request are invalid: " + errors.get(0).field() + " " + errors.get(0).message()
                + (errors.size() > 1 ? ", ..." : ""));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
