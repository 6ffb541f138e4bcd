package io.leadflow.handoff.rest;

/** A request input that is wrong: answered 400 problem+json naming {@link #field()}. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String reason;

    /** {@code reason} says what is wrong, without the field's name: "is required". */
    public InvalidRequestException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
