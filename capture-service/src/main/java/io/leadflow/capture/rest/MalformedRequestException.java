package io.leadflow.capture.rest;

import io.leadflow.capture.domain.FieldError;

/** A request body that is not JSON, or not shaped as one event or a batch. */
class MalformedRequestException extends Exception {

    private final transient FieldError error;

    MalformedRequestException(String field, String message) {
        super(field + ": " + message);
        this.error = new FieldError(field, message);
    }

    FieldError error() {
        return error;
    }
}
