package io.leadflow.crmsync.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outbound webhook requests and verifies them as a receiver would: HMAC-SHA256 over
 * {@code "<unix seconds>.<raw body>"}, hex-encoded, as {@code v1=<hex>} entries joined by commas.
 * The sender signs with every configured secret, so a receiver can rotate its secret (add the new
 * one, then drop the old) without rejecting a single request. A receiver also rejects timestamps
 * outside the tolerance, so a captured request cannot be replayed later.
 */
public final class WebhookSigner {

    public static final String TIMESTAMP_HEADER = "Leadflow-Timestamp";
    public static final String SIGNATURE_HEADER = "Leadflow-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String SCHEME = "v1=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;

    public WebhookSigner(List<String> secrets, Duration tolerance) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(secret -> secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("webhook signing needs at least one secret, and no blank ones");
        }
        this.keys = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
        this.tolerance = tolerance;
    }

    public WebhookSigner(List<String> secrets) {
        this(secrets, DEFAULT_TOLERANCE);
    }

    /** The timestamp and signature headers of a request carrying {@code body}, sent at {@code now}. */
    public Signature sign(byte[] body, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        String header = keys.stream()
                .map(key -> SCHEME + HEX.formatHex(hmac(key, timestamp, body)))
                .collect(Collectors.joining(","));
        return new Signature(timestamp, header);
    }

    /**
     * Whether a received request was signed over exactly {@code body} with one of this signer's
     * secrets, at a time within the tolerance of {@code now}.
     */
    public boolean verify(String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (timestamp == null || signatureHeader == null || !isRecent(timestamp.trim(), now)) {
            return false;
        }
        List<byte[]> offered = offeredSignatures(signatureHeader);
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, timestamp.trim(), body);
            for (byte[] candidate : offered) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isRecent(String timestamp, Instant now) {
        try {
            long sentAt = Long.parseLong(timestamp);
            return Math.abs(now.getEpochSecond() - sentAt) <= tolerance.toSeconds();
        } catch (NumberFormatException notSeconds) {
            return false;
        }
    }

    private static List<byte[]> offeredSignatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String entry : header.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.startsWith(SCHEME)) {
                try {
                    signatures.add(HEX.parseHex(trimmed.substring(SCHEME.length())));
                } catch (IllegalArgumentException notHex) {
                    // a malformed entry cannot match; the others still may
                }
            }
        }
        return signatures;
    }

    private static byte[] hmac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }

    /**
     * The signing headers of one request.
     *
     * @param timestamp the value of {@value #TIMESTAMP_HEADER}: unix seconds
     * @param header the value of {@value #SIGNATURE_HEADER}: one {@code v1=} entry per secret
     */
    public record Signature(String timestamp, String header) {
    }
}
