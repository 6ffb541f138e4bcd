package io.leadflow.capture.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.capture.domain.connector.VendorPayloads;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The vendors' APIs for the connector tests (WireMock): Facebook's Graph API with the documented lead at
 * {@code /v21.0/123123123123} and a lead it fails to give ({@code 500}) at {@code /v21.0/500500500}; LinkedIn's
 * REST API with a lead form response and its form.
 */
public class VendorApiStandIn implements QuarkusTestResourceLifecycleManager {

    static final String LEAD_ID = "123123123123";
    static final String FAILING_LEAD_ID = "500500500";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/v21.0/" + LEAD_ID)).withQueryParam("access_token", equalTo("fb-test-page-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(VendorPayloads.text("facebook-lead.json"))));
        server.stubFor(get(urlPathEqualTo("/v21.0/" + FAILING_LEAD_ID))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}")));
        server.stubFor(get(urlPathEqualTo("/rest/leadFormResponses/4e5a3af0-2d3c-4b1b-9f8e-6a1f2b3c4d5e"))
                .withHeader("Authorization", equalTo("Bearer li-test-access-token"))
                .withHeader("LinkedIn-Version", matching("[0-9]{6}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(VendorPayloads.text("linkedin-lead-form-response.json"))));
        server.stubFor(get(urlPathEqualTo("/rest/leadForms/5765766"))
                .withHeader("Authorization", equalTo("Bearer li-test-access-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(VendorPayloads.text("linkedin-lead-form.json"))));
        return Map.of("leadflow.capture.connectors.\"dev-secret\".facebook.graph-url", server.baseUrl() + "/v21.0",
                "leadflow.capture.connectors.\"dev-secret\".linkedin.api-url", server.baseUrl() + "/rest");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
