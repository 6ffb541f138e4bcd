package io.leadflow.capture.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Reads what a webhook only names (a lead) from the vendor's API, at the base URL each connector
 * configures (WireMock's in tests). Whatever goes wrong becomes a {@link VendorUnavailableException}:
 * the webhook is answered 503 and the vendor delivers it again.
 */
@ApplicationScoped
class VendorApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;
    private final ObjectMapper json;

    VendorApi(WebClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The JSON object at {@code url} (with these query parameters and headers), answered 200. */
    Uni<JsonNode> object(String what, String url, Map<String, String> query, Map<String, String> headers) {
        HttpRequest<?> request = client.getAbs(url).timeout(TIMEOUT.toMillis());
        query.forEach(request::addQueryParam);
        headers.forEach(request::putHeader);
        return request.send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new VendorUnavailableException(what + ": answered " + response.statusCode());
                    }
                    try {
                        JsonNode object = json.readTree(response.bodyAsString());
                        if (object == null || !object.isObject()) {
                            throw new VendorUnavailableException(what + ": answered no JSON object");
                        }
                        return object;
                    } catch (IOException e) {
                        throw new VendorUnavailableException(what + ": answered unreadable JSON");
                    }
                })
                .onFailure(failure -> !(failure instanceof VendorUnavailableException))
                .transform(failure -> new VendorUnavailableException(what + ": no answer (" + failure + ")"));
    }

    /** A vendor API that could not give what a webhook named. */
    static final class VendorUnavailableException extends RuntimeException {

        VendorUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
