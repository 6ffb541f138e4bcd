package io.leadflow.capture.rest;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CaptureLimits;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.EventValidator;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.KeyKind.Capability;
import io.leadflow.capture.domain.PublicKeyScope;
import io.leadflow.capture.domain.SegmentEventNames;
import io.leadflow.capture.domain.RawEvent;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.problems.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The native capture API: one engagement event, or a batch of up to 500. */
@Path("/v1/events")
@Tag(name = "Capture")
public class EventsResource {

    private static final String EXAMPLE = """
            {"eventId": "0b9f6d3e-4c1a-4a57-9d3c-2f1e8f7d9a10", "type": "page.viewed", "email": "ada@example.com",
             "occurredAt": "2026-11-22T10:00:00Z", "properties": {"url": "https://example.com/pricing"},
             "traits": {"company": "Analytical Engines"}}""";
    private static final String CUSTOM_EXAMPLE = """
            {"type": "custom", "event": "Pricing Calculator Used", "email": "ada@example.com",
             "properties": {"seats": 25}}""";

    private final EventsRequestParser parser;
    private final EventValidator validator;
    private final AcknowledgedCapture capture;
    private final CaptureMetrics metrics;
    private final WriteKeyGuard guard;
    private final BotClassifier bots;
    private final SegmentEventNames names;

    public EventsResource(EventsRequestParser parser, EventValidator validator, AcknowledgedCapture capture,
            CaptureMetrics metrics, WriteKeyGuard guard, BotClassifier bots, SegmentEventNames names) {
        this.names = names;
        this.bots = bots;
        this.guard = guard;
        this.parser = parser;
        this.validator = validator;
        this.capture = capture;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Capture engagement events",
            description = "One event object, or {\"events\": [...]} with at most 500. Answered 202 only once the broker "
                    + "acknowledged every event; a request with any invalid event captures nothing. An engagement of your own "
                    + "naming is \"type\": \"custom\" with its name in \"event\". The write key (public or "
                    + "secret) is the HTTP Basic user with an empty password, or writeKey in the body.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {@ExampleObject(name = "page view", value = EXAMPLE),
                @ExampleObject(name = "custom engagement", value = CUSTOM_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Every event is durably in Kafka",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventIds.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields; nothing was captured",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No write key, or an unknown one",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A public write key used from an origin it is not bound to, or sending "
            + "what only a secret key may (email, traits, a type other than page.viewed, content.downloaded and custom)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 500 KB or an event over 32 KB",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; retry after Retry-After",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> capture(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        guard.requireBeforeBody(headers, Addresses.of(connection));
        ParsedRequest parsed;
        try {
            parsed = parser.parse(body);
        } catch (MalformedRequestException e) {
            // without a key in the header, an unreadable body carries none either: 401 first
            guard.require(headers, Addresses.of(connection), Optional.empty(), Capability.ENGAGE);
            metrics.rejected(Rejection.MALFORMED, 1);
            return Uni.createFrom().item(Problems.malformed(e.error()));
        }
        WriteKey key = guard.require(headers, Addresses.of(connection), parsed.writeKey(), Capability.ENGAGE);
        List<RawEvent> request = parsed.events();
        List<FieldError> oversized = CaptureLimits.oversizedEvents(request);
        if (!oversized.isEmpty()) {
            metrics.rejected(Rejection.TOO_LARGE, request.size());
            return Uni.createFrom().item(Problems.tooLarge(
                    "an event may take at most " + CaptureLimits.MAX_EVENT_BYTES + " bytes; nothing was captured", oversized));
        }
        guard.requireInScope(key, () -> PublicKeyScope.nativeEvents(request, names), request.size());
        Validation validation = validator.validate(request);
        if (!validation.isValid()) {
            metrics.rejected(Rejection.INVALID, request.size());
            return Uni.createFrom().item(Problems.invalid(validation.errors()));
        }
        List<String> ids = validation.events().stream().map(CapturedEvent::id).toList();
        // a browser's call (it says its Origin) carries the visitor's user agent; a server's, its own
        String visitorAgent = headers.getHeaderString("Origin") == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        return capture.publish(bots.classifyAll(validation.events(), visitorAgent, null), Source.API,
                () -> Response.accepted(new EventIds(ids)).type(MediaType.APPLICATION_JSON).build());
    }
}
