package io.leadflow.capture.rest;

import java.util.List;

/**
 * A request for a new write key.
 *
 * @param kind {@code public} (web pages, bound to origins) or {@code secret} (servers)
 * @param description what the key is for, shown in the key list
 * @param allowedOrigins the origins a public key may be used from ({@code https://www.example.com})
 */
public record WriteKeyRequest(String kind, String description, List<String> allowedOrigins) {
}
