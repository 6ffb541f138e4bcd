package io.leadflow.capture.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.capture.domain.connector.VendorPayloads;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Facebook's Graph API for the connector tests (WireMock): the documented lead at {@code /v21.0/123123123123},
 * and a lead the API fails to give ({@code 500}) at {@code /v21.0/500500500}.
 */
public class GraphApiStandIn implements QuarkusTestResourceLifecycleManager {

    static final String LEAD_ID = "123123123123";
    static final String FAILING_LEAD_ID = "500500500";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/v21.0/" + LEAD_ID)).withQueryParam("access_token",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("fb-test-page-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(VendorPayloads.text("facebook-lead.json"))));
        server.stubFor(get(urlPathEqualTo("/v21.0/" + FAILING_LEAD_ID))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1}}")));
        return Map.of("leadflow.capture.connectors.\"dev-secret\".facebook.graph-url", server.baseUrl() + "/v21.0");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
