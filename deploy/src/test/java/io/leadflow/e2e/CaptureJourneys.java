package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Leads made through capture's public API, as a web form and a site's tracking would post them. */
final class CaptureJourneys {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaptureJourneys() {
    }

    /**
     * An email open, three page views ending on the pricing page, then the demo-request form with
     * {@code formFields} added: enough for an MQL under the default model (docs of scoring-service).
     */
    static void postMqlJourney(String captureUrl, String email, Map<String, String> formFields) throws Exception {
        postEvent(captureUrl, "email.opened", email, Map.of("campaign", "console-launch"));
        postEvent(captureUrl, "page.viewed", email, Map.of("url", "https://example.com/features"));
        postEvent(captureUrl, "page.viewed", email, Map.of("url", "https://example.com/customers"));
        postEvent(captureUrl, "page.viewed", email, Map.of("url", "https://example.com/pricing"));
        Map<String, String> fields = new HashMap<>(Map.of("email", email, "first_name", "Ada", "job_title", "VP Engineering"));
        fields.putAll(formFields);
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        // the shipped forms are bound to origins: capture's own pages on this machine
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(captureUrl + "/v1/forms/demo-request"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", captureUrl)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
    }

    static void postEvent(String captureUrl, String type, String email, Map<String, String> properties) throws Exception {
        String body = JSON.writeValueAsString(Map.of("type", type, "email", email, "properties", properties,
                "traits", Map.of("company", "Analytical Engines", "country", "GB", "companySize", 250, "industry", "software")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(captureUrl + "/v1/events"))
                .header("Content-Type", "application/json").header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    /** An engagement of the site's own naming, through the native API's custom form. */
    static void postCustomEvent(String captureUrl, String event, String email, Map<String, Object> properties) throws Exception {
        String body = JSON.writeValueAsString(Map.of("type", "custom", "event", event, "email", email, "properties", properties));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(captureUrl + "/v1/events"))
                .header("Content-Type", "application/json").header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
