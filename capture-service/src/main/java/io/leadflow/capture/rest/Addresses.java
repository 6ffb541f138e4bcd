package io.leadflow.capture.rest;

import io.vertx.core.http.HttpServerRequest;

/** The client's IP address, for per-address limits and bot checks. */
final class Addresses {

    private Addresses() {
    }

    /** The connection's address; behind a proxy, set {@code quarkus.http.proxy.proxy-address-forwarding}. */
    static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
