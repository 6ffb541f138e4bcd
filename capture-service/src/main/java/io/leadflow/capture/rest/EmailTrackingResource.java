package io.leadflow.capture.rest;

import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.EmailLink;
import io.leadflow.capture.domain.EmailLinkEvents;
import io.leadflow.capture.domain.LinkTokens;
import io.leadflow.capture.messaging.BrokerUnavailableException;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.EngagementPublisher;
import io.leadflow.problems.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The links in mails: the open pixel and the click redirect. Each use records engagement when its
 * token is signed by this service. A mail client can neither retry nor show an error, so the pixel
 * always answers its GIF and a signed click always reaches its target, even when the broker is down
 * (that engagement is then lost, and logged).
 */
@Path("/v1")
@Tag(name = "Email tracking")
public class EmailTrackingResource {

    private static final Logger LOG = Logger.getLogger(EmailTrackingResource.class);
    /** A transparent 1x1 GIF. */
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final String NO_CACHE = "no-store, no-cache, must-revalidate, private, max-age=0";

    private final LinkTokens tokens;
    private final EmailLinkEvents events;
    private final EngagementPublisher publisher;
    private final CaptureMetrics metrics;
    private final RateLimits limits;

    EmailTrackingResource(LinkTokens tokens, EmailLinkEvents events, EngagementPublisher publisher,
            CaptureMetrics metrics, RateLimits limits) {
        this.limits = limits;
        this.tokens = tokens;
        this.events = events;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @GET
    @Path("/o/{token}.gif")
    @Operation(summary = "Email open pixel", description = "Always a 1x1 GIF, never cached; a signed token records email.opened.")
    @APIResponse(responseCode = "200", description = "The pixel", content = @Content(mediaType = "image/gif"))
    public Uni<Response> open(@RestPath String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Uni<Void> recorded = tokens.verify(token)
                .map(link -> record(events.opened(link, headers.getHeaderString(HttpHeaders.USER_AGENT), Addresses.of(request)), request))
                .orElseGet(() -> {
                    metrics.rejected(Rejection.INVALID, 1);
                    return Uni.createFrom().voidItem();
                });
        return recorded.map(done -> Response.ok(PIXEL, "image/gif")
                .header(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .header("Pragma", "no-cache")
                .header(HttpHeaders.EXPIRES, "0")
                .build());
    }

    @GET
    @Path("/c/{token}")
    @Operation(summary = "Email click redirect",
            description = "302 to the target of a token this service signed, recording email.clicked; any other token is "
                    + "refused, so it is never an open redirect.")
    @APIResponse(responseCode = "302", description = "Recorded; Location is the target")
    @APIResponse(responseCode = "400", description = "The token is not one this service signed",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> click(@RestPath String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Optional<EmailLink> link = tokens.verify(token).filter(signed -> signed.url().isPresent());
        if (link.isEmpty()) {
            metrics.rejected(Rejection.INVALID, 1);
            return Uni.createFrom().item(Problems.badToken());
        }
        String target = link.get().url().orElseThrow();
        // the configured URL verbatim, as signed: never resolved against this host
        return record(events.clicked(link.get(), headers.getHeaderString(HttpHeaders.USER_AGENT), Addresses.of(request)), request)
                .map(done -> Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION, target)
                        .header(HttpHeaders.CACHE_CONTROL, NO_CACHE).build());
    }

    private Uni<Void> record(CapturedEvent event, HttpServerRequest request) {
        // an address over its limit still gets its pixel or its redirect, but records nothing more
        if (limits.allowAddress(Addresses.of(request)).isPresent()) {
            metrics.rejected(Rejection.RATE_LIMITED, 1);
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(List.of(event))
                .invoke(() -> metrics.accepted(Source.EMAIL, 1))
                .onFailure(BrokerUnavailableException.class).recoverWithUni(failure -> {
                    LOG.warn("email engagement " + event.id() + " not recorded: " + failure.getMessage());
                    metrics.rejected(Rejection.BROKER_UNAVAILABLE, 1);
                    return Uni.createFrom().voidItem();
                });
    }
}
