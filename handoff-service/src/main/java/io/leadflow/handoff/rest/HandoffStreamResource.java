package io.leadflow.handoff.rest;

import io.leadflow.handoff.config.HandoffConfig;
import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.HandoffAccess;
import io.leadflow.apisecurity.Roles;
import io.leadflow.handoff.messaging.HandoffStreams;
import io.leadflow.handoff.messaging.StreamSignal;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Handoff events for a rep's or a queue's screen, as Server-Sent Events: the event name is the
 * CloudEvent type, the id the event's position in commit order, the data its JSON data. A client
 * reconnecting with {@code Last-Event-ID} (as EventSource does) first gets what it missed. The
 * opening comment says how long to wait before reconnecting, and another keeps the stream alive,
 * so proxies do not close an idle one. A sales rep streams only their own events ({@code rep} is
 * themselves or left out).
 */
@Path("/v1/handoffs/stream")
public class HandoffStreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    static final String REPLAY_TRUNCATED = "replay-truncated";
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final HandoffStreams streams;
    private final HandoffConfig config;
    private final SecurityIdentity identity;

    public HandoffStreamResource(HandoffStreams streams, HandoffConfig config, SecurityIdentity identity) {
        this.streams = streams;
        this.config = config;
        this.identity = identity;
    }

    /**
     * What a {@code replay-truncated} event says: the replay after {@code lastEventId} leaves events out.
     *
     * @param reason {@code expired} (past retention) or {@code unknown} (an id this stream never gave)
     */
    public record TruncationNotice(String lastEventId, String reason, String detail) {
    }

    @GET
    @RolesAllowed({Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING_OPS, Roles.ADMIN})
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Handoff events naming a rep or from a queue (text/event-stream); resumes after Last-Event-ID")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "events naming this rep (assignee, previous assignee, escalated to)") @QueryParam("rep") String rep,
            @Parameter(description = "events of leads dealt from this queue") @QueryParam("queue") String queue,
            @Parameter(description = "the id of the last event received: the events after it are replayed first") @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context Sse sse) {
        HandoffAccess access = Callers.access(identity);
        String wantedRep = isBlank(rep) ? null : rep.trim();
        String wantedQueue = isBlank(queue) ? null : queue.trim();
        if (!access.mayStream(wantedRep, wantedQueue)) {
            throw new NotOwnException("a sales rep streams only their own handoffs: leave out queue, and leave out rep or set it to "
                    + access.caller());
        }
        // a rep's stream is their own, named or not
        String streamedRep = access.ownOnly() ? access.caller() : wantedRep;
        if (streamedRep == null && wantedQueue == null) {
            throw new InvalidRequestException("rep", "or queue is required: the stream is of a rep or of a queue");
        }
        OptionalLong resumeAfter = position(lastEventId);
        EventFilter filter = new EventFilter(streamedRep == null ? Set.of() : Set.of(streamedRep),
                wantedQueue == null ? Set.of() : Set.of(wantedQueue), Set.of());
        Multi<OutboundSseEvent> events = streams.open(filter, resumeAfter).map(signal -> sseEvent(sse, signal));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private OutboundSseEvent sseEvent(Sse sse, StreamSignal signal) {
        if (signal instanceof StreamSignal.Event event) {
            return sse.newEventBuilder().id(Long.toString(event.event().position()))
                    .name(event.event().audience().eventType()).data(event.event().data()).build();
        }
        if (signal instanceof StreamSignal.ReplayTruncated truncated) {
            return sse.newEventBuilder().name(REPLAY_TRUNCATED).mediaType(MediaType.APPLICATION_JSON_TYPE).data(notice(truncated)).build();
        }
        return sse.newEventBuilder().comment("connected").reconnectDelay(config.streamReconnectDelay().toMillis()).build();
    }

    private static TruncationNotice notice(StreamSignal.ReplayTruncated truncated) {
        String detail = switch (truncated.reason()) {
            case EXPIRED -> "events after it are past retention and some are gone: replaying the ones kept";
            case UNKNOWN -> "this stream never gave that id: replaying every event kept";
        };
        return new TruncationNotice(Long.toString(truncated.lastEventId()), truncated.reason().name().toLowerCase(Locale.ROOT), detail);
    }

    /** The position a Last-Event-ID header names; empty without one. */
    private static OptionalLong position(String lastEventId) {
        if (isBlank(lastEventId)) {
            return OptionalLong.empty();
        }
        if (!POSITION.matcher(lastEventId.trim()).matches()) {
            throw new InvalidRequestException(LAST_EVENT_ID, "is not an id this stream gives: a whole number, as in the events' id field");
        }
        return OptionalLong.of(Long.parseLong(lastEventId.trim()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
