package io.leadflow.crmsync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Loads a WireMock stub mapping from {@code src/test/resources/wiremock}, where each follows the
 * vendor's documented request and answer (the doc pages are cited in its {@code metadata}), and
 * fills its {@code ${name}} placeholders.
 */
public final class Stubs {

    private Stubs() {
    }

    public static StubMapping add(WireMockServer server, String resource, Map<String, String> values) {
        String text = read("wiremock/" + resource);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        StubMapping mapping = StubMapping.buildFrom(text);
        server.addStubMapping(mapping);
        return mapping;
    }

    private static String read(String resource) {
        try (InputStream in = Stubs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
