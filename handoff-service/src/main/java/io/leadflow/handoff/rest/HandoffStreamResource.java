package io.leadflow.handoff.rest;

import io.leadflow.handoff.config.HandoffConfig;
import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.messaging.HandoffEventFeed;
import io.leadflow.handoff.messaging.StreamedEvent;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Live handoff events for a rep's or a queue's screen, as Server-Sent Events: the event name is the
 * CloudEvent type, the id its id, the data its JSON data. A comment line opens the stream and
 * another keeps it alive, so proxies do not close an idle one.
 */
@Path("/v1/handoffs/stream")
public class HandoffStreamResource {

    /** Events one slow client may fall behind by before its stream is ended (it reconnects). */
    private static final int MAX_BEHIND = 1000;

    private final HandoffEventFeed feed;
    private final HandoffConfig config;

    public HandoffStreamResource(HandoffEventFeed feed, HandoffConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live handoff events naming a rep or from a queue (text/event-stream)")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "events naming this rep (assignee, previous assignee, escalated to)") @QueryParam("rep") String rep,
            @Parameter(description = "events of leads dealt from this queue") @QueryParam("queue") String queue,
            @Context Sse sse) {
        if (isBlank(rep) && isBlank(queue)) {
            throw new InvalidRequestException("rep", "or queue is required: the stream is of a rep or of a queue");
        }
        EventFilter filter = new EventFilter(isBlank(rep) ? Set.of() : Set.of(rep.trim()), isBlank(queue) ? Set.of() : Set.of(queue.trim()), Set.of());
        Multi<OutboundSseEvent> events = feed.events()
                .filter(event -> filter.matches(event.audience()))
                .onOverflow().buffer(MAX_BEHIND)
                .map(event -> sseEvent(sse, event));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()), events, heartbeats);
    }

    private static OutboundSseEvent sseEvent(Sse sse, StreamedEvent event) {
        return sse.newEventBuilder().id(event.id()).name(event.audience().eventType()).data(event.data()).build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
