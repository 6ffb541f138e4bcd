package io.leadflow.handoff.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a {@code Leadflow-Signature} as a receiver would, written from the README's description
 * and not from the service's code: recompute HMAC-SHA256 of {@code "<t>.<raw body>"} with the
 * receiver's secret, compare in constant time with each {@code v1}, refuse stale timestamps.
 */
final class ReceiverSideSignature {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private ReceiverSideSignature() {
    }

    static boolean verifies(String header, byte[] body, String secret) {
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp + "." + new String(body, StandardCharsets.UTF_8));
        return signatures.stream().anyMatch(signature -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature)));
    }

    static int signatureCount(String header) {
        return (int) Arrays.stream(header.split(",")).filter(part -> part.startsWith("v1=")).count();
    }

    private static byte[] hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
