package io.leadflow.webhooks;

import java.util.Map;

/**
 * The three headers that make a webhook request verifiable under Standard Webhooks.
 *
 * @param id {@value StandardWebhooks#ID_HEADER}: the message's id, the same on every retry of it
 * @param timestamp {@value StandardWebhooks#TIMESTAMP_HEADER}: unix seconds at sending
 * @param signature {@value StandardWebhooks#SIGNATURE_HEADER}: {@code v1,<base64>} per live secret, space-separated
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    /** The headers by name, to put on a request. */
    public Map<String, String> asMap() {
        return Map.of(StandardWebhooks.ID_HEADER, id, StandardWebhooks.TIMESTAMP_HEADER, timestamp,
                StandardWebhooks.SIGNATURE_HEADER, signature);
    }
}
