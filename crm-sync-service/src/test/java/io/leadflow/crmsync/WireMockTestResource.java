package io.leadflow.crmsync;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server standing in for the customer's webhook receiver and for the CRMs' APIs, on a
 * free port. By default it takes every lead (the webhook answers 200 with an id; HubSpot's batch
 * upsert answers one result per input, Salesforce's token endpoint and Lead collection upsert, and
 * Pipedrive's persons and leads answer as documented, for a CRM that has never seen the lead);
 * tests add stubs of higher priority for their own handoffs.
 * Test fields annotated {@link InjectWireMock} receive the server.
 */
public class WireMockTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/crm/leads";
    public static final String DEFAULT_EXTERNAL_ID = "crm-default";
    private static final int DEFAULT_STUB_PRIORITY = 10;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo(WEBHOOK_PATH))
                .atPriority(DEFAULT_STUB_PRIORITY)
                .willReturn(okJson("{\"id\":\"" + DEFAULT_EXTERNAL_ID + "\"}")));
        String base = "http://127.0.0.1:" + server.port();
        Stubs.add(server, "hubspot/batch-upsert-ok.json", Map.of());
        Stubs.add(server, "salesforce/oauth-token-refresh.json", Map.of("instanceUrl", base));
        Stubs.add(server, "salesforce/lead-upsert-ok.json", Map.of());
        Stubs.add(server, "salesforce/any-call-with-an-expired-session.json", Map.of());
        Stubs.add(server, "salesforce/lead-delete.json", Map.of());
        Stubs.add(server, "hubspot/gdpr-delete.json", Map.of());
        for (String pipedrive : List.of("persons-search-none", "persons-add", "persons-update", "leads-of-person-none", "leads-add",
                "persons-delete", "leads-delete")) {
            Stubs.add(server, "pipedrive/" + pipedrive + ".json", Map.of());
        }
        return Map.of("leadflow.crm.webhook.url", base + WEBHOOK_PATH,
                "leadflow.crm.hubspot.base-url", base,
                "leadflow.crm.salesforce.login-url", base,
                "leadflow.crm.salesforce.instance-url", base,
                "leadflow.crm.pipedrive.base-url", base);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
