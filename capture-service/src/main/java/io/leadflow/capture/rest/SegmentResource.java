package io.leadflow.capture.rest;

import io.leadflow.capture.domain.CaptureLimits;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.KeyKind.Capability;
import io.leadflow.capture.domain.PublicKeyScope;
import io.leadflow.capture.domain.SegmentMapper.MessageType;
import io.leadflow.capture.domain.SegmentMapper;
import io.leadflow.capture.domain.SegmentMessages;
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
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Segment's HTTP Tracking API, so that analytics SDKs work unchanged when pointed at Leadflow. Bodies
 * may be sent as {@code text/plain} too, as browsers' beacons do to avoid a preflight.
 */
@Path("/v1")
@Tag(name = "Segment-compatible tracking")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
@Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
@APIResponse(responseCode = "200", description = "Every captured event is durably in Kafka. As at Segment, the wrong "
        + "messages of a batch cost only themselves: they are listed under `rejected` (field and problem), the right ones "
        + "are captured",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SegmentAck.class)))
@APIResponse(responseCode = "400", description = "Malformed JSON, or no message that could be captured (every wrong "
        + "field named); nothing was captured",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No write key, or an unknown one",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A public key from another origin, or sending an identify, a userId, "
        + "traits or a track event of a built-in type other than Page Viewed and Content Downloaded",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "A message over 32 KB or a body over 500 KB",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; retry after Retry-After",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SegmentResource {

    private static final Logger LOG = Logger.getLogger(SegmentResource.class);

    private final EventsRequestParser parser;
    private final SegmentMapper mapper;
    private final AcknowledgedCapture capture;
    private final CaptureMetrics metrics;
    private final WriteKeyGuard guard;

    public SegmentResource(EventsRequestParser parser, SegmentMapper mapper, AcknowledgedCapture capture,
            CaptureMetrics metrics, WriteKeyGuard guard) {
        this.parser = parser;
        this.mapper = mapper;
        this.capture = capture;
        this.metrics = metrics;
        this.guard = guard;
    }

    @POST
    @Path("/track")
    @Operation(summary = "Segment track: an engagement by name: a built-in one (\"Demo Requested\", \"Email Opened\", ...) "
            + "or any other, captured as a custom engagement under its name")
    public Uni<Response> track(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        return capture(body, headers, connection, Optional.of(MessageType.TRACK));
    }

    @POST
    @Path("/page")
    @Operation(summary = "Segment page: a page view")
    public Uni<Response> page(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        return capture(body, headers, connection, Optional.of(MessageType.PAGE));
    }

    @POST
    @Path("/identify")
    @Operation(summary = "Segment identify: an anonymous visitor made known (secret key only)")
    public Uni<Response> identify(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        return capture(body, headers, connection, Optional.of(MessageType.IDENTIFY));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Segment batch: {\"batch\": [messages]}, each with its own type")
    public Uni<Response> batch(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        return capture(body, headers, connection, Optional.empty());
    }

    @POST
    @Path("/import")
    @Operation(summary = "Segment's older name of batch, where server-side SDKs send by default")
    public Uni<Response> importBatch(byte[] body, @Context HttpHeaders headers, @Context HttpServerRequest connection) {
        return capture(body, headers, connection, Optional.empty());
    }

    private Uni<Response> capture(byte[] body, HttpHeaders headers, HttpServerRequest connection, Optional<MessageType> implied) {
        guard.requireBeforeBody(headers, Addresses.of(connection));
        ParsedRequest parsed;
        try {
            parsed = parser.parseSegment(body, implied);
        } catch (MalformedRequestException e) {
            // without a key in the header, an unreadable body carries none either: 401 first
            guard.require(headers, Addresses.of(connection), Optional.empty(), Capability.ENGAGE);
            metrics.rejected(Rejection.MALFORMED, 1);
            return Uni.createFrom().item(Problems.malformed(e.error()));
        }
        WriteKey key = guard.require(headers, Addresses.of(connection), parsed.writeKey(),
                SegmentMapper.identifies(parsed.events(), implied) ? Capability.IDENTIFY : Capability.ENGAGE);
        List<FieldError> oversized = CaptureLimits.oversizedEvents(parsed.events());
        if (!oversized.isEmpty()) {
            metrics.rejected(Rejection.TOO_LARGE, parsed.events().size());
            return Uni.createFrom().item(Problems.tooLarge(
                    "a message may take at most " + CaptureLimits.MAX_EVENT_BYTES + " bytes; nothing was captured", oversized));
        }
        guard.requireInScope(key, () -> PublicKeyScope.segmentMessages(parsed.events(), implied, mapper.names()), parsed.events().size());
        SegmentMessages messages = mapper.map(parsed.events(), implied);
        if (messages.capturesNothing()) {
            metrics.rejected(Rejection.INVALID, parsed.events().size());
            return Uni.createFrom().item(Problems.invalid(messages.errors()));
        }
        if (messages.rejected() > 0) {
            // the SDK reads no answer: the operator's log and meter are where a refused message shows
            metrics.rejected(Rejection.INVALID, messages.rejected());
            LOG.warnf("write key %s: %d of %d messages of a batch refused, the others captured: %s", key.name(),
                    messages.rejected(), parsed.events().size(), messages.errors());
        }
        SegmentAck ack = new SegmentAck(true, messages.errors());
        return capture.publish(messages.events(), Source.SEGMENT,
                () -> Response.ok(ack).type(MediaType.APPLICATION_JSON).build());
    }
}
