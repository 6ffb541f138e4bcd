package io.leadflow.scoring.rest;

/** Nothing (no lead, no model version, no replay job) matches what the request asked for: answered 404. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
