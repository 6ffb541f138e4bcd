package io.leadflow.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what caused them, so that a redelivered or replayed cause yields the same
 * id and every consumer's processed-id check recognises the repeat.
 */
public final class DeterministicIds {

    private DeterministicIds() {
    }

    /** A name-based (version 3) UUID of the parts, which are joined with {@code |}. */
    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
