package io.leadflow.scoring.rest;

/** A request that cannot be done in the current state of things: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
