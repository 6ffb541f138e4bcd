package io.leadflow.scoring.rest;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;

/** Nothing (no lead, no model version, no replay job) matches what the request asked for: answered 404 problem+json. */
public class UnknownResourceException extends ProblemException {

    public UnknownResourceException(String message) {
        super(Problem.of(404, "not-found", "Not found", message));
    }
}
