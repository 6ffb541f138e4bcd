package io.leadflow.scoring.rest;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;

/** A request that cannot be done in the current state of things: answered 409 problem+json. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(Problem.of(409, "conflict", "Conflict", message));
    }
}
