package io.leadflow.capture.domain;

import java.util.List;

/**
 * What came of reading Segment messages: the events to write when all are valid, otherwise every
 * wrong field. A request is captured whole or not at all.
 *
 * @param events the events, in request order; empty when the request is invalid
 * @param errors the wrong fields, empty when the request is valid
 */
public record SegmentMessages(List<OutgoingEvent> events, List<FieldError> errors) {

    public SegmentMessages {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
