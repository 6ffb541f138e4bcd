package io.leadflow.capture.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;

/**
 * Fetches a lead from Facebook's Graph API ({@code GET /{leadgen_id}}), where a webhook only names it.
 * See https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving.
 */
@ApplicationScoped
class FacebookGraph {

    /** What a lead's answers and its ad and campaign are read from. */
    private static final String FIELDS = "id,created_time,field_data,form_id,ad_id,campaign_id,campaign_name";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;
    private final ObjectMapper json;

    FacebookGraph(WebClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /**
     * The lead, as the Graph API returns it.
     *
     * @throws VendorUnavailableException (as the Uni's failure) when the API does not answer 200 with a JSON object
     */
    Uni<JsonNode> lead(CaptureConfig.Facebook settings, String leadgenId) {
        return client.getAbs(settings.graphUrl().replaceAll("/+$", "") + "/" + leadgenId)
                .addQueryParam("fields", FIELDS)
                .addQueryParam("access_token", settings.accessToken())
                .timeout(TIMEOUT.toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new VendorUnavailableException("the Graph API answered " + response.statusCode()
                                + " for lead " + leadgenId);
                    }
                    try {
                        JsonNode lead = json.readTree(response.bodyAsString());
                        if (lead == null || !lead.isObject()) {
                            throw new VendorUnavailableException("the Graph API answered no lead for " + leadgenId);
                        }
                        return lead;
                    } catch (IOException e) {
                        throw new VendorUnavailableException("the Graph API answered unreadable JSON for lead " + leadgenId);
                    }
                })
                .onFailure(failure -> !(failure instanceof VendorUnavailableException))
                .transform(failure -> new VendorUnavailableException("the Graph API did not answer for lead " + leadgenId
                        + ": " + failure));
    }

    /** A vendor API that could not give what a webhook named: the webhook is answered 503, and the vendor retries. */
    static final class VendorUnavailableException extends RuntimeException {

        VendorUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
