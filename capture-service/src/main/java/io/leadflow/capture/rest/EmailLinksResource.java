package io.leadflow.capture.rest;

import io.leadflow.capture.domain.EmailLink;
import io.leadflow.capture.domain.EmailLinkEvents;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.KeyKind.Capability;
import io.leadflow.capture.domain.LinkTokens;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.problems.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Makes the signed open-pixel and click links of a mail, for email tools holding a secret key. */
@Path("/v1/email-links")
@Tag(name = "Email tracking")
public class EmailLinksResource {

    private final LinkTokens tokens;
    private final EmailLinkEvents events;
    private final WriteKeyGuard guard;
    private final CaptureMetrics metrics;

    public EmailLinksResource(LinkTokens tokens, EmailLinkEvents events, WriteKeyGuard guard, CaptureMetrics metrics) {
        this.tokens = tokens;
        this.events = events;
        this.guard = guard;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Make the signed links of a mail",
            description = "Secret key only (it names a lead by email). The open pixel and the click link carry an "
                    + "HMAC-SHA256-signed token: a changed token is refused, so the click can never redirect elsewhere.")
    @APIResponse(responseCode = "200", description = "The links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmailLinks.class)))
    @APIResponse(responseCode = "400", description = "A missing or bad email, or a target that is not an http(s) URL",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No write key, or an unknown one",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A public key",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(EmailLinkRequest request, @Context HttpHeaders headers, @Context UriInfo uri,
            @Context HttpServerRequest connection) {
        guard.require(headers, Addresses.of(connection), Optional.empty(), Capability.IDENTIFY);
        if (request == null) {
            metrics.rejected(Rejection.MALFORMED, 1);
            return Problems.malformed(new FieldError("body", "must be {\"email\": ..., \"campaign\": ..., \"url\": ...}"));
        }
        List<FieldError> problems = events.problems(request.email(), request.campaign(), request.url());
        if (!problems.isEmpty()) {
            metrics.rejected(Rejection.INVALID, 1);
            return Problems.invalid(problems);
        }
        EmailLink link = events.link(request.email(), request.campaign(), request.url());
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String open = tokens.sign(new EmailLink(link.email(), link.campaign(), Optional.empty()));
        String click = link.url().map(url -> base + "/v1/c/" + tokens.sign(link)).orElse(null);
        return Response.ok(new EmailLinks(base + "/v1/o/" + open + ".gif", click)).type(MediaType.APPLICATION_JSON).build();
    }
}
