package io.leadflow.crmsync.rest;

/** An inbound CRM call that is refused before its content is looked at (not configured, or not signed). */
public class InboundRefusedException extends RuntimeException {

    private final int status;

    public InboundRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
