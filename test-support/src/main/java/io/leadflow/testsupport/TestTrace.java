package io.leadflow.testsupport;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A span of a trace started outside the service under test, as a W3C {@code traceparent} header names it (sampled).
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId 16 lowercase hex digits
 */
public record TestTrace(String traceId, String spanId) {

    /** A new trace, with random (valid, non-zero) ids. */
    public static TestTrace random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return new TestTrace(hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE)) + hex.toHexDigits(random.nextLong()),
                hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE)));
    }

    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** The span id a {@code traceparent} header names, or null when the header is not in this trace. */
    public String spanIdIn(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 && parts[1].equals(traceId) ? parts[2] : null;
    }
}
