package io.leadflow.handoff.domain;

/** A sales action that the handoff's status does not allow, such as accepting a rejected lead. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
