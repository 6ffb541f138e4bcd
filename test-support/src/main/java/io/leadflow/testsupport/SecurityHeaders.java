package io.leadflow.testsupport;

import java.util.Map;

/** The response headers docs/security.md puts on every answer of a service that serves JSON only. */
public final class SecurityHeaders {

    /** Header name to its exact value. */
    public static final Map<String, String> OF_JSON_APIS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000");

    private SecurityHeaders() {
    }
}
