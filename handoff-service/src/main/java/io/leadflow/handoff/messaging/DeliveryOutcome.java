package io.leadflow.handoff.messaging;

/**
 * How one webhook attempt ended: the receiver's HTTP status, or the error that kept it from
 * answering (refused connection, timeout, a URL that no longer resolves).
 */
record DeliveryOutcome(Integer statusCode, String error) {

    private static final int MAX_ERROR = 2000;

    static DeliveryOutcome answered(int statusCode) {
        return new DeliveryOutcome(statusCode, statusCode / 100 == 2 ? null : "receiver answered " + statusCode);
    }

    static DeliveryOutcome failed(Throwable failure) {
        String error = failure.toString();
        return new DeliveryOutcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
    }

    boolean delivered() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
