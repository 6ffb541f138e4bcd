package io.leadflow.crmsync.crm;

/** A CRM did not take a lead: it could not be reached, or it answered with an error. Always retried. */
public class CrmCallException extends RuntimeException {

    public CrmCallException(String message) {
        super(message);
    }
}
