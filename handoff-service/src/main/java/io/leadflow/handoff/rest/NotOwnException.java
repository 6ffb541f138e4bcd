package io.leadflow.handoff.rest;

/** A sales rep asked for what is not theirs where saying so reveals nothing (a stream of another rep or a queue): 403. */
class NotOwnException extends RuntimeException {

    NotOwnException(String message) {
        super(message);
    }
}
