package io.leadflow.crmsync;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server standing in for the customer's webhook receiver, on a free port. By default it
 * takes every lead (200 with an id); tests add stubs of higher priority for their own handoffs.
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
        return Map.of("leadflow.crm.webhook.url", "http://127.0.0.1:" + server.port() + WEBHOOK_PATH);
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
