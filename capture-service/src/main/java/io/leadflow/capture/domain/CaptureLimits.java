package io.leadflow.capture.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The size limits of the capture API: larger input is refused as too large, not as invalid. */
public final class CaptureLimits {

    /** The largest event, in bytes of the request body. */
    public static final int MAX_EVENT_BYTES = 32 * 1024;
    /** The most events in one batch. */
    public static final int MAX_BATCH_EVENTS = 500;
    /** The longest event id or anonymous id. */
    public static final int MAX_ID_LENGTH = 200;

    private CaptureLimits() {
    }

    /** An error for each event larger than {@link #MAX_EVENT_BYTES}. */
    public static List<FieldError> oversizedEvents(List<RawEvent> events) {
        List<FieldError> errors = new ArrayList<>();
        for (RawEvent event : events) {
            if (event.sizeBytes() > MAX_EVENT_BYTES) {
                errors.add(new FieldError(event.path().isEmpty() ? "body" : event.path(),
                        "the event takes " + event.sizeBytes() + " bytes, at most " + MAX_EVENT_BYTES + " are allowed"));
            }
        }
        return errors;
    }

    /** An error when a form post's fields (names and values) take more than {@link #MAX_EVENT_BYTES}. */
    public static Optional<FieldError> oversizedForm(Map<String, List<String>> fields) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                bytes += utf8Length(field.getKey()) + utf8Length(value);
            }
        }
        return bytes > MAX_EVENT_BYTES
                ? Optional.of(new FieldError("body", "the form's fields take " + bytes + " bytes, at most " + MAX_EVENT_BYTES + " are allowed"))
                : Optional.empty();
    }

    private static int utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
