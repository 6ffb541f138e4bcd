package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.connector.MandrillWebhook;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Mandrill (Mailchimp Transactional) message events of a workspace, signed with the webhook's key. */
@Path("/v1/connectors/mandrill/{workspace}")
@Tag(name = "Connectors")
public class MandrillResource {

    private final ConnectorCapture connectors;
    private final MandrillWebhook webhook;

    MandrillResource(ConnectorCapture connectors, MandrillWebhook webhook) {
        this.connectors = connectors;
        this.webhook = webhook;
    }

    @HEAD
    @Operation(summary = "Mandrill's check that the webhook URL exists")
    @APIResponse(responseCode = "200", description = "The workspace has a Mandrill connector")
    @APIResponse(responseCode = "404", description = "It has none")
    public Response exists(@RestPath String workspace) {
        connectors.settings("mandrill", workspace, CaptureConfig.Connectors::mandrill);
        return Response.ok().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A batch of Mandrill message events (mandrill_events)",
            description = "open records email.opened, click email.clicked, hard_bounce email.bounced, unsub and spam "
                    + "email.unsubscribed; delivery events record nothing. Answered 200 once every event is in Kafka.")
    @APIResponse(responseCode = "200", description = "Captured (durably in Kafka)")
    @APIResponse(responseCode = "400", description = "mandrill_events is not a JSON array, or an event has no email; nothing captured")
    @APIResponse(responseCode = "403", description = "X-Mandrill-Signature does not match; nothing captured")
    @APIResponse(responseCode = "404", description = "The workspace has no Mandrill connector")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; Mandrill retries")
    public Uni<Response> receive(@RestPath String workspace, @RestHeader("X-Mandrill-Signature") String signature,
            MultivaluedMap<String, String> form) {
        CaptureConfig.Mandrill settings = connectors.settings("mandrill", workspace, CaptureConfig.Connectors::mandrill);
        if (!MandrillWebhook.signatureMatches(settings.webhookKey(), settings.webhookUrl(), form, signature)) {
            return Uni.createFrom().item(connectors.forged("X-Mandrill-Signature"));
        }
        return connectors.publish(webhook.map(workspace, form.getFirst(MandrillWebhook.EVENTS_FIELD)));
    }
}
