package io.leadflow.capture.domain;

import java.util.List;

/**
 * What came of reading Segment messages: the events of the right ones, and every wrong field of the
 * others. As at Segment, a wrong message costs only itself: the right ones of its batch are captured.
 *
 * @param events the events of the right messages, in request order
 * @param errors the wrong fields, empty when every message is right
 * @param rejected how many messages were wrong
 */
public record SegmentMessages(List<OutgoingEvent> events, List<FieldError> errors, int rejected) {

    public SegmentMessages {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    /** Whether nothing can be captured: the request is answered as invalid. */
    public boolean capturesNothing() {
        return events.isEmpty();
    }
}
