package io.leadflow.handoff.messaging;

import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.ReplaySeam;
import io.leadflow.handoff.domain.ReplayStart;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live stream of the handoff events a filter passes, resumable: given the last event a client
 * received, it first replays the stored events after it, then goes on live with no gap and no
 * repeat. The live feed is subscribed to before the replay reads anything; the {@link ReplaySeam}
 * holds live events back until the replay ends and drops those it already covered.
 */
@ApplicationScoped
public class HandoffStreams {

    /** Events one slow client may fall behind by before its stream is ended (it reconnects and resumes). */
    private static final int MAX_BEHIND = 1000;
    private static final int PAGE = 500;

    private final HandoffEventFeed feed;
    private final HandoffEventLog log;

    public HandoffStreams(HandoffEventFeed feed, HandoffEventLog log) {
        this.feed = feed;
        this.log = log;
    }

    /** The stream for {@code filter}, replaying from after {@code lastEventId} when given. */
    public Multi<StreamSignal> open(EventFilter filter, OptionalLong lastEventId) {
        return Multi.createFrom().deferred(() -> {
            ReplaySeam<StreamedEvent> seam = new ReplaySeam<>(StreamedEvent::position, MAX_BEHIND);
            Multi<Input> live = feed.events()
                    .filter(event -> filter.matches(event.audience()))
                    .onOverflow().buffer(MAX_BEHIND)
                    .map(Live::new);
            // merging subscribes in order: live first, so the replay cannot start before it
            return Multi.createBy().merging().streams(live, replay(filter, lastEventId))
                    .onItem().transformToIterable(input -> input.through(seam));
        });
    }

    private Multi<Input> replay(EventFilter filter, OptionalLong lastEventId) {
        Multi<Input> opened = Multi.createFrom().item(new Notice(new StreamSignal.Opened()));
        if (lastEventId.isEmpty()) {
            return Multi.createBy().concatenating().streams(opened, Multi.createFrom().item(new ReplayEnded(0)));
        }
        Multi<Input> replayed = log.marks()
                .map(marks -> ReplayStart.resuming(lastEventId.getAsLong(), marks.issued(), marks.pruned()))
                .onItem().transformToMulti(start -> {
                    Multi<Input> events = storedAfter(start.after(), filter);
                    return start.truncation() == null ? events : Multi.createBy().concatenating().streams(
                            Multi.createFrom().item(new Notice(new StreamSignal.ReplayTruncated(lastEventId.getAsLong(), start.truncation()))),
                            events);
                });
        return Multi.createBy().concatenating().streams(opened, replayed);
    }

    /** The stored events after {@code position} that pass {@code filter}, then where the replay ended. */
    private Multi<Input> storedAfter(long position, EventFilter filter) {
        AtomicLong horizon = new AtomicLong(position);
        Multi<Input> events = Multi.createBy().repeating()
                .uni(() -> horizon, read -> log.after(read.get(), PAGE)
                        .invoke(page -> page.forEach(event -> read.set(event.position()))))
                .whilst(page -> page.size() == PAGE)
                .onItem().<StreamedEvent>disjoint()
                .filter(event -> filter.matches(event.audience()))
                .map(Replayed::new);
        // every page was read unfiltered, so the last position read is the last one covered
        return Multi.createBy().concatenating().streams(events, Multi.createFrom().item(() -> new ReplayEnded(horizon.get())));
    }

    /** One signal from the live feed or the replay, before the seam puts them in order. */
    private sealed interface Input {
        List<StreamSignal> through(ReplaySeam<StreamedEvent> seam);
    }

    private record Live(StreamedEvent event) implements Input {
        public List<StreamSignal> through(ReplaySeam<StreamedEvent> seam) {
            return signals(seam.live(event));
        }
    }

    private record Replayed(StreamedEvent event) implements Input {
        public List<StreamSignal> through(ReplaySeam<StreamedEvent> seam) {
            return signals(seam.replayed(event));
        }
    }

    private record ReplayEnded(long horizon) implements Input {
        public List<StreamSignal> through(ReplaySeam<StreamedEvent> seam) {
            return signals(seam.replayEnded(horizon));
        }
    }

    private record Notice(StreamSignal signal) implements Input {
        public List<StreamSignal> through(ReplaySeam<StreamedEvent> seam) {
            return List.of(signal);
        }
    }

    private static List<StreamSignal> signals(List<StreamedEvent> events) {
        return events.stream().<StreamSignal>map(StreamSignal.Event::new).toList();
    }
}
