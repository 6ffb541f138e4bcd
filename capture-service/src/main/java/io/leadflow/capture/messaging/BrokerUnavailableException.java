package io.leadflow.capture.messaging;

/** The broker did not acknowledge every event of a request in time: nothing may be answered 2xx. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
