package io.leadflow.testsupport;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.URI;

/**
 * Where the {@code @QuarkusTest}'s management interface listens: health, metrics and the OpenAPI document are
 * served there, on a port of their own ({@code quarkus.management.test-port}), not on the API's.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The management interface's base URI, {@code http://host:port/}; its paths keep their {@code /q} prefix. */
    public static String baseUri() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).resolve("/").toString();
    }
}
