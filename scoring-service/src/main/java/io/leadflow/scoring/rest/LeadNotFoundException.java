package io.leadflow.scoring.rest;

/** No lead matches what the request asked for: answered 404. */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(String message) {
        super(message);
    }
}
