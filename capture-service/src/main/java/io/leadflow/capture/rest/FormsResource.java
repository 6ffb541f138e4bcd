package io.leadflow.capture.rest;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CaptureLimits;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.FormCatalog;
import io.leadflow.capture.domain.FormDefinition;
import io.leadflow.capture.domain.FormMapper;
import io.leadflow.capture.domain.Origins;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.problems.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** HTML form posts: each configured form records one engagement and sends the browser on. */
@Path("/v1/forms/{formId}")
@Tag(name = "Capture")
public class FormsResource {

    private static final Logger LOG = Logger.getLogger(FormsResource.class);

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
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Capture an HTML form post",
            description = "Records the form's engagement for the lead named by its email field and redirects (303) to "
                    + "the form's thank-you page once the broker acknowledged the event. URL-encoded and multipart "
                    + "posts map alike; file parts are ignored. A post filling in the form's honeypot field is "
                    + "answered the same 303 but records nothing. Refusals are an HTML page when the client's Accept "
                    + "prefers text/html, problem+json otherwise.")
    @APIResponse(responseCode = "303", description = "Captured (or caught in the honeypot); Location is the thank-you page")
    @APIResponse(responseCode = "400", description = "The email field is missing or not an email; nothing was captured",
            content = {@Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "403", description = "The form is bound to origins and was posted from another",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such form is configured",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The form's fields take over 32 KB",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The address posted more than its limit; retry after Retry-After",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; retry after Retry-After",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@RestPath String formId, MultipartFormDataInput input, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        Optional<String> referer = Optional.ofNullable(headers.getHeaderString("Referer"));
        return capture(formId, textFields(input), headers, referer, Addresses.of(request))
                .map(answer -> answer.getStatus() >= 400 ? FormAnswers.negotiate(answer, headers, referer) : answer);
    }

    private Uni<Response> capture(String formId, Map<String, List<String>> fields, HttpHeaders headers,
            Optional<String> referer, String ip) {
        try {
            limits.requireAddress(ip);
        } catch (RequestRefused refused) {
            return Uni.createFrom().item(refused.answer());
        }
        Optional<FormDefinition> form = forms.find(formId);
        if (form.isEmpty()) {
            metrics.rejected(Rejection.UNKNOWN_FORM, 1);
            return Uni.createFrom().item(Problems.unknownForm(formId));
        }
        Optional<String> postedFrom = Origins.of(Optional.ofNullable(headers.getHeaderString("Origin")), referer);
        if (!form.get().acceptsOrigin(postedFrom)) {
            metrics.rejected(Rejection.FORBIDDEN, 1);
            return Uni.createFrom().item(Problems.forbidden("form '" + formId + "' may not be posted from "
                    + postedFrom.map(from -> "origin " + from).orElse("a page that does not say its origin")));
        }
        if (form.get().caughtInHoneypot(fields)) {
            // answered as if captured, so that the bot learns nothing to get past it
            metrics.rejected(Rejection.HONEYPOT, 1);
            LOG.debugf("form %s: a post from %s filled in the honeypot field; nothing captured", formId, ip);
            return Uni.createFrom().item(thankYou(form.get()));
        }
        Optional<FieldError> oversized = CaptureLimits.oversizedForm(fields);
        if (oversized.isPresent()) {
            metrics.rejected(Rejection.TOO_LARGE, 1);
            return Uni.createFrom().item(Problems.tooLarge(oversized.get().message(), List.of(oversized.get())));
        }
        Validation validation = mapper.map(form.get(), fields, referer);
        if (!validation.isValid()) {
            metrics.rejected(Rejection.INVALID, 1);
            return Uni.createFrom().item(Problems.invalid(validation.errors()));
        }
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return capture.publish(bots.classifyAll(validation.events(), userAgent, null), Source.FORM, () -> thankYou(form.get()));
    }

    private static Response thankYou(FormDefinition form) {
        // the configured URL verbatim: JAX-RS' seeOther would resolve a relative one against this host
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, form.thankYouUrl()).build();
    }

    /** The posted text fields, by name, in posted order; file parts are no engagement and are left out. */
    private static Map<String, List<String>> textFields(MultipartFormDataInput input) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (input == null) {
            return fields;
        }
        for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
            List<String> values = new ArrayList<>();
            field.getValue().stream().filter(value -> !value.isFileItem()).forEach(value -> values.add(value.getValue()));
            if (!values.isEmpty()) {
                fields.put(field.getKey(), values);
            }
        }
        return fields;
    }
}
