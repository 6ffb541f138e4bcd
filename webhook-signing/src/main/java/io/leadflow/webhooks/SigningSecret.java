package io.leadflow.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A webhook signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of 24 to 64
 * random bytes, which are the HMAC key. It is what receivers hand to the published verifier
 * libraries as it is ({@code new Webhook("whsec_...")}).
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {
    }

    /** A new secret: 32 random bytes. */
    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** What is wrong with {@code candidate} as a secret someone chose, in words that follow its name; empty when nothing. */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || !candidate.startsWith(PREFIX)) {
            return Optional.of("must be " + PREFIX + " followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES
                    + " random bytes (Standard Webhooks)");
        }
        return decoded(candidate).isPresent() ? Optional.empty()
                : Optional.of("must be " + PREFIX + " followed by standard base64 (A-Z a-z 0-9 + /, = padding) of "
                        + MIN_BYTES + " to " + MAX_BYTES + " bytes");
    }

    /**
     * The HMAC key of a secret: the decoded bytes of a {@code whsec_} secret; for a secret stored
     * before Leadflow used Standard Webhooks (any other text), its UTF-8 bytes, which receivers pass
     * to the libraries as a raw key until they rotate to a {@code whsec_} secret.
     */
    static byte[] key(String secret) {
        return decoded(secret).orElseGet(() -> secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> decoded(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            return key.length >= MIN_BYTES && key.length <= MAX_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
