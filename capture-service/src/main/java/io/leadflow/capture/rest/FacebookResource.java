package io.leadflow.capture.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.connector.FacebookLeadAds;
import io.leadflow.capture.domain.connector.FacebookLeadAds.LeadgenChange;
import io.leadflow.capture.rest.VendorApi.VendorUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Facebook Lead Ads of a workspace: the Page webhook's verification and its signed leadgen notifications. */
@Path("/v1/connectors/facebook/{workspace}")
@Tag(name = "Connectors")
public class FacebookResource {

    private static final Logger LOG = Logger.getLogger(FacebookResource.class);
    /** What a lead's answers and its ad and campaign are read from. */
    private static final String LEAD_FIELDS = "id,created_time,field_data,form_id,ad_id,campaign_id,campaign_name";

    private final ConnectorCapture connectors;
    private final FacebookLeadAds leadAds;
    private final VendorApi api;

    FacebookResource(ConnectorCapture connectors, FacebookLeadAds leadAds, VendorApi api) {
        this.connectors = connectors;
        this.leadAds = leadAds;
        this.api = api;
    }

    @GET
    @Operation(summary = "The webhook's verification request", description = "Answers hub.challenge when hub.verify_token is the workspace's.")
    @APIResponse(responseCode = "200", description = "The challenge, as text")
    @APIResponse(responseCode = "403", description = "Not subscribe, or another verify token")
    public Response verify(@RestPath String workspace, @RestQuery("hub.mode") String mode,
            @RestQuery("hub.verify_token") String token, @RestQuery("hub.challenge") String challenge) {
        CaptureConfig.Facebook settings = connectors.settings("facebook", workspace, CaptureConfig.Connectors::facebook);
        return FacebookLeadAds.challenge(settings.verifyToken(), mode, token, challenge)
                .map(answer -> Response.ok(answer, MediaType.TEXT_PLAIN).build())
                .orElseGet(() -> connectors.forged("hub.verify_token"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A leadgen notification",
            description = "Each lead it names is fetched from the Graph API and recorded as form.submitted (source "
                    + "form:facebook:<formId>); answered 200 once every lead is in Kafka, 503 when the Graph API or the "
                    + "broker failed (Facebook retries).")
    @APIResponse(responseCode = "200", description = "Captured (durably in Kafka)")
    @APIResponse(responseCode = "400", description = "Not JSON, or a lead without an email; nothing captured")
    @APIResponse(responseCode = "403", description = "X-Hub-Signature-256 does not match; nothing captured")
    @APIResponse(responseCode = "503", description = "The Graph API or the broker failed; Facebook retries")
    public Uni<Response> receive(@RestPath String workspace, @RestHeader("X-Hub-Signature-256") String signature, byte[] body) {
        CaptureConfig.Facebook settings = connectors.settings("facebook", workspace, CaptureConfig.Connectors::facebook);
        if (!FacebookLeadAds.signatureMatches(settings.appSecret(), body == null ? new byte[0] : body, signature)) {
            return Uni.createFrom().item(connectors.forged("X-Hub-Signature-256"));
        }
        JsonNode notification = connectors.notification(body == null ? new byte[0] : body);
        List<LeadgenChange> changes = FacebookLeadAds.leadgenChanges(notification);
        if (changes.isEmpty()) {
            return connectors.publish(Validation.valid(List.of()));
        }
        return Uni.join().all(changes.stream()
                        .map(change -> lead(settings, change.leadgenId()).map(lead -> leadAds.map(workspace, change, lead)))
                        .toList())
                .andFailFast()
                .flatMap(mapped -> connectors.publish(merged(mapped)))
                .onFailure(VendorUnavailableException.class).recoverWithItem(failure -> {
                    LOG.warn(failure.getMessage());
                    return connectors.vendorUnavailable("Facebook");
                });
    }

    /** The lead from the Graph API: https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving. */
    private Uni<JsonNode> lead(CaptureConfig.Facebook settings, String leadgenId) {
        return api.object("the Graph API, lead " + leadgenId, settings.graphUrl().replaceAll("/+$", "") + "/" + leadgenId,
                Map.of("fields", LEAD_FIELDS, "access_token", settings.accessToken()), Map.of());
    }

    private static Validation merged(List<Validation> leads) {
        List<CapturedEvent> events = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        leads.forEach(lead -> {
            events.addAll(lead.events());
            errors.addAll(lead.errors());
        });
        return errors.isEmpty() ? Validation.valid(events) : Validation.invalid(errors);
    }
}
