package io.leadflow.capture.domain;

import io.leadflow.events.StorableText;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses events holding text PostgreSQL cannot keep ({@link StorableText}): scoring stores every event it counts,
 * and one it could not store would be counted by no one.
 */
public final class StorableEvents {

    private StorableEvents() {
    }

    /** An error for each event that holds such text, naming the field; none when all can be stored. */
    public static List<FieldError> errors(List<? extends OutgoingEvent> events) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            int position = i + 1;
            events.get(i).unstorableText().ifPresent(flaw -> errors.add(new FieldError(flaw.field(), flaw.problem()
                    + (events.size() == 1 ? "" : " (event " + position + " of " + events.size() + ")"))));
        }
        return errors;
    }
}
