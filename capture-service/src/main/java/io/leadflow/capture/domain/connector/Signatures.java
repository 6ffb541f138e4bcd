package io.leadflow.capture.domain.connector;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMACs vendors sign their webhooks with, and a comparison that leaks nothing through its timing. */
public final class Signatures {

    private Signatures() {
    }

    /** Lowercase hex HMAC-SHA256 of {@code data} with {@code key} (Facebook, LinkedIn). */
    public static String hmacSha256Hex(String key, byte[] data) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, data));
    }

    /** Base64 HMAC-SHA1 of {@code data} with {@code key} (Mandrill). */
    public static String hmacSha1Base64(String key, String data) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a presented secret or signature equals the expected one, in time independent of where they differ. */
    public static boolean same(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
