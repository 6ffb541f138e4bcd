package io.leadflow.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs bearer JWTs with the development keys for the local stack and the tests: the services
 * verify them with {@code leadflow/dev-jwt/jwks.json} (an RSA key for RS256, a P-256 key for ES256)
 * when configured to. The private keys are public in this repository, so a deployment must never
 * trust them: production points the services at its own OIDC provider's keys, issuer and audience
 * (docs/security.md).
 *
 * <p>From a shell: {@code deploy/local/token --sub ana --roles sales-rep}.
 */
public final class DevTokens {

    /** The issuer the development tokens carry; the local stack and the tests expect it. */
    public static final String ISSUER = "https://leadflow.local/dev";
    /** The audience ({@code aud}) the development tokens carry; the local stack and the tests expect it. */
    public static final String AUDIENCE = "leadflow";
    /** The classpath location of both public keys as a JWKS, for {@code mp.jwt.verify.publickey.location}. */
    public static final String VERIFICATION_KEYS_RESOURCE = "leadflow/dev-jwt/jwks.json";
    /** The classpath location of the RSA public key alone, as PEM: what an attacker also holds. */
    public static final String RSA_PUBLIC_KEY_RESOURCE = "leadflow/dev-jwt/public.pem";

    /** The algorithms the development keys sign with, each with its key's id in the JWKS. */
    public enum Algorithm {
        RS256("leadflow-dev-rs256", "leadflow/dev-jwt/private.pem", "RSA", "SHA256withRSA"),
        // JWS wants ES256's signature as R || S (RFC 7518, 3.4), which is Java's P1363 format, not DER
        ES256("leadflow-dev-es256", "leadflow/dev-jwt/ec-private.pem", "EC", "SHA256withECDSAinP1363Format");

        private final String keyId;
        private final String privateKeyResource;
        private final String keyType;
        private final String javaSignature;

        Algorithm(String keyId, String privateKeyResource, String keyType, String javaSignature) {
            this.keyId = keyId;
            this.privateKeyResource = privateKeyResource;
            this.keyType = keyType;
            this.javaSignature = javaSignature;
        }
    }

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** An {@code Authorization} header value for {@code subject} holding {@code roles}, signed RS256. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + sign(subject, List.of(roles), ISSUER, DEFAULT_LIFETIME, Instant.now());
    }

    /**
     * Like {@link #bearer}, with a {@code preferred_username}: a name that some providers let users edit,
     * and that the services therefore do not know a caller by.
     */
    public static String bearerWithUsername(String subject, String preferredUsername, String... roles) {
        return "Bearer " + sign(Algorithm.RS256, claims(subject, preferredUsername, List.of(roles), ISSUER, AUDIENCE, DEFAULT_LIFETIME, Instant.now()));
    }

    /** Like {@link #bearer}, signed ES256 with the development P-256 key. */
    public static String bearerEs256(String subject, String... roles) {
        return "Bearer " + sign(Algorithm.ES256, claims(subject, null, List.of(roles), ISSUER, AUDIENCE, DEFAULT_LIFETIME, Instant.now()));
    }

    /**
     * A compact RS256 JWT for the development audience: {@code sub} is the subject (a sales rep's id
     * in the routing rules), {@code groups} the roles, as MicroProfile JWT reads them.
     */
    public static String sign(String subject, List<String> roles, String issuer, Duration lifetime, Instant now) {
        return sign(Algorithm.RS256, claims(subject, null, roles, issuer, AUDIENCE, lifetime, now));
    }

    /** A valid RS256 JWT but for another audience: what a token for another application of the same provider is. */
    public static String signedForAudience(String audience, String subject, String... roles) {
        return sign(Algorithm.RS256, claims(subject, null, List.of(roles), ISSUER, audience, DEFAULT_LIFETIME, Instant.now()));
    }

    /**
     * A token like {@link #bearer}'s, but signed with a fresh RSA key no service trusts: what an
     * attacker's own key pair makes. Without the {@code Bearer} prefix.
     */
    public static String signedByAnotherKey(String subject, String... roles) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            String signingInput = signingInput(Algorithm.RS256.name(), Algorithm.RS256.keyId, defaultClaims(subject, roles));
            return signingInput + "." + URL.encodeToString(signature(Algorithm.RS256, rsa.generateKeyPair().getPrivate(), signingInput));
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("every Java runtime has RSA", unexpected);
        }
    }

    /** A token with {@code "alg": "none"} and no signature (RFC 7519, 6.1): anyone can write it. */
    public static String unsigned(String subject, String... roles) {
        return signingInput("none", null, defaultClaims(subject, roles)) + ".";
    }

    /**
     * A token signed HS256 with the RSA public key's PEM bytes as the HMAC secret: the key-confusion
     * attack on a verifier that takes the algorithm from the token. Anyone holding the public key can make it.
     */
    public static String hmacSignedWithThePublicKey(String subject, String... roles) {
        try {
            String signingInput = signingInput("HS256", null, defaultClaims(subject, roles));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(resource(RSA_PUBLIC_KEY_RESOURCE).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return signingInput + "." + URL.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", unexpected);
        }
    }

    private static String defaultClaims(String subject, String... roles) {
        return claims(subject, null, List.of(roles), ISSUER, AUDIENCE, DEFAULT_LIFETIME, Instant.now());
    }

    /**
     * The claims: {@code preferred_username} only when a display name is given, since the services
     * know a caller by {@code sub} alone.
     */
    private static String claims(String subject, String displayName, List<String> roles, String issuer, String audience,
            Duration lifetime, Instant now) {
        return "{\"iss\":" + quoted(issuer)
                + ",\"aud\":" + quoted(audience)
                + ",\"sub\":" + quoted(subject)
                + (displayName == null ? "" : ",\"preferred_username\":" + quoted(displayName))
                + ",\"groups\":[" + roles.stream().map(DevTokens::quoted).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + "}";
    }

    private static String sign(Algorithm algorithm, String claims) {
        try {
            String signingInput = signingInput(algorithm.name(), algorithm.keyId, claims);
            return signingInput + "." + URL.encodeToString(signature(algorithm, privateKey(algorithm), signingInput));
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("cannot sign with the development " + algorithm + " key", unexpected);
        }
    }

    private static String signingInput(String algorithm, String keyId, String claims) {
        String header = "{\"alg\":" + quoted(algorithm) + (keyId == null ? "" : ",\"kid\":" + quoted(keyId)) + ",\"typ\":\"JWT\"}";
        return encode(header) + "." + encode(claims);
    }

    private static byte[] signature(Algorithm algorithm, PrivateKey key, String signingInput) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm.javaSignature);
        signer.initSign(key);
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }

    private static PrivateKey privateKey(Algorithm algorithm) throws GeneralSecurityException {
        String pem = resource(algorithm.privateKeyResource).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm.keyType).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string; subjects and roles are plain identifiers, but quotes and backslashes are escaped all the same. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Prints a token: {@code [--sub ID] [--name DISPLAY-NAME] [--roles ROLE,ROLE] [--hours N] [--alg RS256|ES256]}. */
    public static void main(String[] args) {
        String subject = "dev";
        String displayName = null;
        List<String> roles = List.of("admin");
        Duration lifetime = DEFAULT_LIFETIME;
        Algorithm algorithm = Algorithm.RS256;
        try {
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
            }
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--sub" -> subject = args[i + 1];
                    case "--name" -> displayName = args[i + 1];
                    case "--roles" -> roles = List.of(args[i + 1].split(","));
                    case "--hours" -> lifetime = Duration.ofHours(Long.parseLong(args[i + 1]));
                    case "--alg" -> algorithm = Algorithm.valueOf(args[i + 1]);
                    default -> throw new IllegalArgumentException(
                            "unknown option " + args[i] + " (use --sub, --name, --roles, --hours, --alg)");
                }
            }
        } catch (IllegalArgumentException badOption) {
            System.err.println("token: " + badOption.getMessage());
            System.exit(2);
        }
        System.out.println(sign(algorithm, claims(subject, displayName, roles, ISSUER, AUDIENCE, lifetime, Instant.now())));
    }
}
