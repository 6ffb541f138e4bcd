package io.leadflow.crmsync.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.domain.HubSpotSignatureV3;
import io.leadflow.crmsync.messaging.HubSpotFeedbackInbound;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HubSpot's webhook calls: contact changes made in HubSpot, verified with the v3 signature, become sales feedback. */
@Path("/v1/inbound/hubspot")
@Tag(name = "CRM inbound")
public class HubSpotWebhookResource {

    private final HubSpotFeedbackInbound inbound;
    private final CrmConfig.HubSpot config;
    private final ObjectMapper json;
    private final Clock clock;

    public HubSpotWebhookResource(HubSpotFeedbackInbound inbound, CrmConfig config, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.config = config.hubspot();
        this.json = json;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "HubSpot webhook events (called by HubSpot)",
            description = "An array of HubSpot webhook events signed with X-HubSpot-Signature-v3. Lifecycle stage and lead status "
                    + "changes of contacts Leadflow handed off become sales.feedback.v1. 204 once published; 401 when the "
                    + "signature is missing, wrong or older than 5 minutes; 503 when no client secret is configured.")
    public Uni<RestResponse<Void>> receive(byte[] body, @HeaderParam(HubSpotSignatureV3.SIGNATURE_HEADER) String signature,
            @HeaderParam(HubSpotSignatureV3.TIMESTAMP_HEADER) String timestamp, @Context UriInfo uri) {
        String secret = config.clientSecret().filter(value -> !value.isBlank())
                .orElseThrow(() -> new InboundRefusedException(503, "inbound HubSpot webhooks are not configured (leadflow.crm.hubspot.client-secret)"));
        String signedUri = config.inboundUrl().map(Object::toString).orElse(uri.getRequestUri().toString());
        if (!new HubSpotSignatureV3(secret).verify("POST", signedUri, body, timestamp, signature, clock.instant())) {
            throw new InboundRefusedException(401, "missing, wrong or expired " + HubSpotSignatureV3.SIGNATURE_HEADER);
        }
        JsonNode events;
        try {
            events = json.readTree(body);
        } catch (IOException notJson) {
            throw new InvalidInputException("body", "must be a JSON array of HubSpot webhook events");
        }
        if (events == null || !events.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of HubSpot webhook events");
        }
        return inbound.accept(events).map(published -> RestResponse.noContent());
    }
}
