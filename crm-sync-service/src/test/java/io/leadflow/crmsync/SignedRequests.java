package io.leadflow.crmsync;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.webhooks.StandardWebhooks;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a webhook receiver checks of a request the stand-in CRM logged: its Standard Webhooks signature. */
public final class SignedRequests {

    private SignedRequests() {
    }

    /** Whether a receiver holding {@code secret} accepts {@code request}, checked with the Standard Webhooks library. */
    public static boolean verifies(LoggedRequest request, String secret) {
        return StandardWebhooks.verifies(headers(request), request.getBody(), secret);
    }

    /** The request's {@code webhook-*} headers, as a sender would put them on a request again. */
    public static Map<String, String> webhookHeaders(LoggedRequest request) {
        return Map.of(StandardWebhooks.ID_HEADER, request.getHeader(StandardWebhooks.ID_HEADER),
                StandardWebhooks.TIMESTAMP_HEADER, request.getHeader(StandardWebhooks.TIMESTAMP_HEADER),
                StandardWebhooks.SIGNATURE_HEADER, request.getHeader(StandardWebhooks.SIGNATURE_HEADER));
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return headers;
    }
}
