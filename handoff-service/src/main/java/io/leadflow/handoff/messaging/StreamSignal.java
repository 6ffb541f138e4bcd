package io.leadflow.handoff.messaging;

import io.leadflow.handoff.domain.ReplayStart;

/** What a live stream tells its client, in order. */
public sealed interface StreamSignal {

    /** The stream is subscribed to live events: nothing committed from here on is missed. */
    record Opened() implements StreamSignal {
    }

    /** The replay after {@code lastEventId} cannot give everything since, for {@code reason}. */
    record ReplayTruncated(long lastEventId, ReplayStart.Truncation reason) implements StreamSignal {
    }

    /** A handoff event, replayed or live. */
    record Event(StreamedEvent event) implements StreamSignal {
    }
}
