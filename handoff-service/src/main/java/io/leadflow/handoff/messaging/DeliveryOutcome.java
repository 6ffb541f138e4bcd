package io.leadflow.handoff.messaging;

/**
 * How one webhook attempt ended: the receiver's HTTP status, or the error that kept it from
 * answering (refused connection, timeout, a URL that no longer resolves), or why it was not sent.
 *
 * @param retryable false when another attempt cannot help (the URL is not allowed)
 */
record DeliveryOutcome(Integer statusCode, String error, boolean retryable) {

    private static final int MAX_ERROR = 2000;

    static DeliveryOutcome answered(int statusCode) {
        return new DeliveryOutcome(statusCode, statusCode / 100 == 2 ? null : "receiver answered " + statusCode, true);
    }

    static DeliveryOutcome failed(Throwable failure) {
        String error = failure.toString();
        return new DeliveryOutcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, true);
    }

    /** Not sent, and never to be: {@code reason} says why the URL is not allowed (now). */
    static DeliveryOutcome refused(String reason) {
        String error = "not sent: url " + reason;
        return new DeliveryOutcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, false);
    }

    boolean delivered() {
        return statusCode != null && statusCode / 100 == 2;
    }
}
