package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.domain.RateLimitHints;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.time.Instant;

/** What the CRM adapters share about HTTP answers: short error texts and the wait a 429 asks for. */
public final class CrmHttp {

    private static final int MAX_ERROR_BODY_CHARS = 300;

    private CrmHttp() {
    }

    /** A failure for an answer that is not a success: carries the wait the CRM asked for, if any. */
    public static CrmCallException failure(String crm, HttpResponse<Buffer> response, Instant now) {
        return new CrmCallException(crm + " answered " + response.statusCode() + ": " + abbreviated(response.bodyAsString()),
                RateLimitHints.waitHint(response::getHeader, now));
    }

    /** Checks the answer to a delete: a 2xx deleted the record, a 404 says it was gone already; anything else is a failure. */
    public static void requireDeletedOrGone(String crm, HttpResponse<Buffer> response, Instant now) {
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw failure(crm, response, now);
        }
    }

    /** A failure for a call that got no answer. */
    public static CrmCallException noAnswer(String crm, Throwable failure) {
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new CrmCallException(crm + " did not answer: " + reason);
    }

    public static String abbreviated(String text) {
        if (text == null || text.isEmpty()) {
            return "(no body)";
        }
        return text.length() <= MAX_ERROR_BODY_CHARS ? text : text.substring(0, MAX_ERROR_BODY_CHARS) + "...";
    }
}
