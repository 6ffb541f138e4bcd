package io.leadflow.capture.rest;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CaptureLimits;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.FormCatalog;
import io.leadflow.capture.domain.FormDefinition;
import io.leadflow.capture.domain.FormMapper;
import io.leadflow.capture.domain.Origins;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** HTML form posts: each configured form records one engagement and sends the browser on. */
@Path("/v1/forms/{formId}")
@Tag(name = "Capture")
public class FormsResource {

    private final FormCatalog forms;
    private final FormMapper mapper;
    private final AcknowledgedCapture capture;
    private final CaptureMetrics metrics;
    private final BotClassifier bots;
    private final RateLimits limits;

    FormsResource(FormCatalog forms, FormMapper mapper, AcknowledgedCapture capture, CaptureMetrics metrics,
            BotClassifier bots, RateLimits limits) {
        this.limits = limits;
        this.bots = bots;
        this.forms = forms;
        this.mapper = mapper;
        this.capture = capture;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Capture an HTML form post",
            description = "Records the form's engagement for the lead named by its email field and redirects (303) to "
                    + "the form's thank-you page once the broker acknowledged the event.")
    @APIResponse(responseCode = "303", description = "Captured; Location is the thank-you page")
    @APIResponse(responseCode = "400", description = "The email field is missing or not an email; nothing was captured",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The form is bound to origins and was posted from another",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such form is configured",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The form's fields take over 32 KB",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; retry after Retry-After",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@RestPath String formId, MultivaluedMap<String, String> fields,
            @RestHeader("Origin") String origin, @RestHeader("Referer") String referer,
            @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        limits.requireAddress(Addresses.of(request));
        Optional<FormDefinition> form = forms.find(formId);
        if (form.isEmpty()) {
            metrics.rejected(Rejection.UNKNOWN_FORM, 1);
            return Uni.createFrom().item(Problems.unknownForm(formId));
        }
        Optional<String> postedFrom = Origins.of(Optional.ofNullable(origin), Optional.ofNullable(referer));
        if (!form.get().acceptsOrigin(postedFrom)) {
            metrics.rejected(Rejection.FORBIDDEN, 1);
            return Uni.createFrom().item(Problems.forbidden("form '" + formId + "' may not be posted from "
                    + postedFrom.map(from -> "origin " + from).orElse("a page that does not say its origin")));
        }
        Map<String, List<String>> posted = fields == null ? Map.of() : fields;
        Optional<FieldError> oversized = CaptureLimits.oversizedForm(posted);
        if (oversized.isPresent()) {
            metrics.rejected(Rejection.TOO_LARGE, 1);
            return Uni.createFrom().item(Problems.tooLarge(oversized.get().message(), List.of(oversized.get())));
        }
        Validation validation = mapper.map(form.get(), posted, Optional.ofNullable(referer));
        if (!validation.isValid()) {
            metrics.rejected(Rejection.INVALID, 1);
            return Uni.createFrom().item(Problems.invalid(validation.errors()));
        }
        String thankYouUrl = form.get().thankYouUrl();
        // the configured URL verbatim: JAX-RS' seeOther would resolve a relative one against this host
        return capture.publish(bots.classifyAll(validation.events(), userAgent, null), Source.FORM,
                () -> Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, thankYouUrl).build());
    }
}
