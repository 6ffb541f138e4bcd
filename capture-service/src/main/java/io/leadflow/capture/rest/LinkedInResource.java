package io.leadflow.capture.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.connector.LinkedInLeadGen;
import io.leadflow.capture.domain.connector.LinkedInLeadGen.LeadNotice;
import io.leadflow.capture.rest.VendorApi.VendorUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** LinkedIn Lead Gen Forms of a workspace: the Lead Sync webhook's validation and its signed lead notifications. */
@Path("/v1/connectors/linkedin/{workspace}")
@Tag(name = "Connectors")
public class LinkedInResource {

    private static final Logger LOG = Logger.getLogger(LinkedInResource.class);

    private final ConnectorCapture connectors;
    private final LinkedInLeadGen leadGen;
    private final VendorApi api;

    LinkedInResource(ConnectorCapture connectors, LinkedInLeadGen leadGen, VendorApi api) {
        this.connectors = connectors;
        this.leadGen = leadGen;
        this.api = api;
    }

    /** LinkedIn's validation answer. */
    public record ChallengeAnswer(String challengeCode, String challengeResponse) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "LinkedIn's endpoint validation", description = "Answers the challengeCode signed with the app's client secret.")
    @APIResponse(responseCode = "200", description = "challengeCode and challengeResponse")
    @APIResponse(responseCode = "400", description = "No challengeCode, or one that is not the type-4 UUID LinkedIn sends")
    @APIResponse(responseCode = "404", description = "The workspace has no LinkedIn connector")
    public Response validate(@RestPath String workspace, @RestQuery String challengeCode) {
        CaptureConfig.LinkedIn settings = connectors.settings("linkedin", workspace, CaptureConfig.Connectors::linkedin);
        if (challengeCode == null || challengeCode.isBlank()) {
            return Problems.invalidRequest(List.of(new FieldError("challengeCode", "is required")));
        }
        if (!LinkedInLeadGen.isChallengeCode(challengeCode)) {
            // only the shape LinkedIn sends is signed: the same secret signs notifications
            return Problems.invalidRequest(List.of(new FieldError("challengeCode",
                    "must be the type-4 UUID LinkedIn's validation sends, such as f6a7d2c4-1111-4222-8333-944455556666")));
        }
        return Response.ok(new ChallengeAnswer(challengeCode, LinkedInLeadGen.challengeResponse(settings.clientSecret(), challengeCode)))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Lead Sync notification",
            description = "A created lead is fetched (its form response, and its form's questions) and recorded as form.submitted "
                    + "(source form:linkedin:<formId>); answered 200 once it is in Kafka, 503 when LinkedIn's API or the broker "
                    + "failed. Deleted leads and other notifications record nothing.")
    @APIResponse(responseCode = "200", description = "Captured (durably in Kafka)")
    @APIResponse(responseCode = "400", description = "Not JSON, or a lead without an email; nothing captured")
    @APIResponse(responseCode = "403", description = "X-LI-Signature does not match; nothing captured")
    @APIResponse(responseCode = "503", description = "LinkedIn's API or the broker failed; LinkedIn retries")
    public Uni<Response> receive(@RestPath String workspace, @RestHeader("X-LI-Signature") String signature, byte[] body) {
        CaptureConfig.LinkedIn settings = connectors.settings("linkedin", workspace, CaptureConfig.Connectors::linkedin);
        byte[] raw = body == null ? new byte[0] : body;
        if (!LinkedInLeadGen.signatureMatches(settings.clientSecret(), raw, signature)) {
            return Uni.createFrom().item(connectors.forged("X-LI-Signature"));
        }
        JsonNode notification = connectors.notification(raw);
        Optional<LeadNotice> lead = leadGen.createdLead(notification);
        if (lead.isEmpty()) {
            return connectors.publish(Validation.valid(List.of()));
        }
        LeadNotice notice = lead.get();
        return Uni.combine().all().unis(
                        get(settings, "leadFormResponses/" + encode(notice.responseId()), "lead " + notice.responseId()),
                        get(settings, "leadForms/" + notice.formId(), "lead form " + notice.formId()))
                .with((response, form) -> leadGen.map(workspace, notice, response, form))
                .flatMap(connectors::publish)
                .onFailure(VendorUnavailableException.class).recoverWithItem(failure -> {
                    LOG.warn(failure.getMessage());
                    return connectors.vendorUnavailable("LinkedIn");
                });
    }

    /** A Lead Sync resource: https://learn.microsoft.com/en-us/linkedin/marketing/lead-sync/leadsync. */
    private Uni<JsonNode> get(CaptureConfig.LinkedIn settings, String resource, String what) {
        return api.object("LinkedIn's API, " + what, settings.apiUrl().replaceAll("/+$", "") + "/" + resource, Map.of(),
                Map.of("Authorization", "Bearer " + settings.accessToken(), "LinkedIn-Version", settings.apiVersion(),
                        "X-Restli-Protocol-Version", "2.0.0"));
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
