package io.leadflow.handoff.rest;

/** A handoff id that names no handoff: answered 404 problem+json. */
public class HandoffNotFoundException extends RuntimeException {

    public HandoffNotFoundException(String id) {
        super("no handoff " + id);
    }
}
