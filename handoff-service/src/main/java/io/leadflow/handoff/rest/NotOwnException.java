package io.leadflow.handoff.rest;

import io.leadflow.problems.Problem;
import io.leadflow.problems.ProblemException;

/**
 * A sales rep asked for what is not theirs where saying so reveals nothing (a stream of another rep
 * or a queue): 403 problem+json (refused tokens and roles: api-security).
 */
class NotOwnException extends ProblemException {

    NotOwnException(String message) {
        super(Problem.of(403, "forbidden", "Forbidden", message));
    }
}
