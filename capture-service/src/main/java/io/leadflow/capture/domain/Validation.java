package io.leadflow.capture.domain;

import java.util.List;

/**
 * What came of checking a request: the events to capture when it is valid, otherwise every
 * wrong field. A request is captured whole or not at all.
 *
 * @param events the events, empty when the request is invalid
 * @param errors the wrong fields, empty when the request is valid
 */
public record Validation(List<CapturedEvent> events, List<FieldError> errors) {

    public Validation {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    public static Validation valid(List<CapturedEvent> events) {
        return new Validation(events, List.of());
    }

    public static Validation invalid(List<FieldError> errors) {
        return new Validation(List.of(), errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
