package io.leadflow.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash under which an erased lead's key is remembered and announced: HmacSHA256 keyed by the deployment's erasure
 * secret, hex. A plain hash of an email can be reversed by hashing guessed emails; without the secret this one cannot,
 * while every service holding the secret can still tell whether a key it is given was erased.
 */
public final class ErasedKeyHash {

    /** The environment variable every service that checks erased keys reads the secret from. */
    public static final String SECRET_ENV = "LEADFLOW_ERASURE_KEY_SECRET";
    /** The configuration property the environment variable sets. */
    public static final String SECRET_PROPERTY = "leadflow.erasure.key-secret";
    /** Shorter secrets are refused: the secret is the only thing between a hash and a guessed email. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ErasedKeyHash(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * The hash keyed by {@code secret}.
     *
     * @throws IllegalStateException naming {@link #SECRET_ENV} when the secret is missing or shorter than
     *         {@link #MIN_SECRET_LENGTH} characters: a service must not start without one
     */
    public static ErasedKeyHash withSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("no erasure key secret: set " + SECRET_ENV + " (" + SECRET_PROPERTY
                    + "), the same random value of at least " + MIN_SECRET_LENGTH + " characters for scoring, handoff and crm-sync");
        }
        if (secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(SECRET_ENV + " (" + SECRET_PROPERTY + ") is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        return new ErasedKeyHash(secret.strip());
    }

    /** The keyed hash of a lead key (as {@link LeadKeys} makes it). */
    public String of(String leadKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(leadKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /**
     * The unkeyed SHA-256 that erased keys were once kept as. Those entries cannot be re-keyed (the key itself is gone),
     * so they are still looked up under this hash; new entries never use it.
     */
    public static String legacy(String leadKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leadKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
