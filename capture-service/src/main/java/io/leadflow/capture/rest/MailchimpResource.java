package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.connector.MailchimpWebhook;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Mailchimp audience webhooks of a workspace, at the URL holding its secret. */
@Path("/v1/connectors/mailchimp/{workspace}/{secret}")
@Tag(name = "Connectors")
public class MailchimpResource {

    private final ConnectorCapture connectors;
    private final MailchimpWebhook webhook;

    MailchimpResource(ConnectorCapture connectors, MailchimpWebhook webhook) {
        this.connectors = connectors;
        this.webhook = webhook;
    }

    @GET
    @Operation(summary = "Mailchimp's validation request", description = "Mailchimp checks a webhook URL with a GET before it saves it.")
    @APIResponse(responseCode = "200", description = "The URL is this workspace's Mailchimp webhook")
    @APIResponse(responseCode = "403", description = "The secret in the URL is not the workspace's")
    @APIResponse(responseCode = "404", description = "The workspace has no Mailchimp connector")
    public Response validate(@RestPath String workspace, @RestPath String secret) {
        return verified(workspace, secret) ? Response.ok().build() : connectors.forged("the secret in the URL");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "A Mailchimp audience event",
            description = "subscribe and profile record form.submitted, unsubscribe email.unsubscribed, cleaned email.bounced; "
                    + "upemail and campaign are acknowledged and record nothing. Answered 200 once the event is in Kafka.")
    @APIResponse(responseCode = "200", description = "Captured (durably in Kafka)")
    @APIResponse(responseCode = "400", description = "No email, or an unknown type; nothing captured")
    @APIResponse(responseCode = "403", description = "The secret in the URL is not the workspace's; nothing captured")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; Mailchimp retries")
    public Uni<Response> receive(@RestPath String workspace, @RestPath String secret, MultivaluedMap<String, String> form) {
        if (!verified(workspace, secret)) {
            return Uni.createFrom().item(connectors.forged("the secret in the URL"));
        }
        return connectors.publish(webhook.map(workspace, form));
    }

    private boolean verified(String workspace, String secret) {
        CaptureConfig.Mailchimp settings = connectors.settings("mailchimp", workspace, CaptureConfig.Connectors::mailchimp);
        return MailchimpWebhook.secretMatches(settings.urlSecretSha256(), secret);
    }
}
