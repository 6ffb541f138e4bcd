package io.leadflow.handoff.rest;

/** An id that names nothing of its kind: answered 404 problem+json. */
public class ResourceNotFoundException extends RuntimeException {

    /** {@code kind} as the problem names it: "handoff", "webhook". */
    public ResourceNotFoundException(String kind, Object id) {
        super("no " + kind + " " + id);
    }
}
