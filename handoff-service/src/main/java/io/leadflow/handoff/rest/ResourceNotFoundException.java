package io.leadflow.handoff.rest;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;

/** An id that names nothing of its kind: answered 404 problem+json. */
public class ResourceNotFoundException extends ProblemException {

    /** {@code kind} as the problem names it: "handoff", "webhook". */
    public ResourceNotFoundException(String kind, Object id) {
        super(Problem.of(404, "not-found", "Not found", "no " + kind + " " + id));
    }
}
