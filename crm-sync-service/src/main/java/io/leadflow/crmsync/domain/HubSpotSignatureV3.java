package io.leadflow.crmsync.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HubSpot's v3 request signature ({@code X-HubSpot-Signature-v3}): base64 of HMAC-SHA256, keyed
 * with the app's client secret, over {@code method + URI + body + timestamp}, where the timestamp is
 * {@code X-HubSpot-Request-Timestamp} (unix milliseconds). A request older than five minutes is
 * refused, so a captured one cannot be replayed. The URI is the one HubSpot called (the public
 * URL), which behind a proxy differs from what the service sees.
 */
public final class HubSpotSignatureV3 {

    public static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    public static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HubSpotSignatureV3(String clientSecret) {
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("HubSpot request validation needs the app's client secret");
        }
        this.key = new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature HubSpot sends for this request. */
    public String sign(String method, String uri, byte[] body, String timestampMillis) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((method + uri).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestampMillis.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }

    /** Whether the request carries HubSpot's signature over exactly these parts, sent within {@link #MAX_AGE} of {@code now}. */
    public boolean verify(String method, String uri, byte[] body, String timestampMillis, String signature, Instant now) {
        if (timestampMillis == null || signature == null || !isRecent(timestampMillis.trim(), now)) {
            return false;
        }
        byte[] expected = sign(method, uri, body, timestampMillis.trim()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isRecent(String timestampMillis, Instant now) {
        try {
            Instant sentAt = Instant.ofEpochMilli(Long.parseLong(timestampMillis));
            return Duration.between(sentAt, now).abs().compareTo(MAX_AGE) <= 0;
        } catch (NumberFormatException notMillis) {
            return false;
        }
    }
}
