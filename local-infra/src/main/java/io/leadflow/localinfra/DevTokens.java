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

/**
 * Signs bearer JWTs with the development key pair for the local stack and the tests: the services
 * verify them with {@code leadflow/dev-jwt/public.pem} when configured to. The private key is public
 * in this repository, so a deployment must never trust it: production points the services at its
 * own OIDC provider's keys and issuer (deploy/README.md).
 *
 * <p>From a shell: {@code deploy/local/token --sub alice --roles sales-rep}.
 */
public final class DevTokens {

    /** The issuer the development tokens carry; the local stack and the tests expect it. */
    public static final String ISSUER = "https://leadflow.local/dev";
    /** The classpath location of the public half, for {@code mp.jwt.verify.publickey.location}. */
    public static final String PUBLIC_KEY_RESOURCE = "leadflow/dev-jwt/public.pem";

    private static final String PRIVATE_KEY_RESOURCE = "leadflow/dev-jwt/private.pem";
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** An {@code Authorization} header value for {@code subject} holding {@code roles}. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + sign(subject, List.of(roles), ISSUER, DEFAULT_LIFETIME, Instant.now());
    }

    /**
     * A compact RS256 JWT: {@code sub} and {@code upn} are the subject (a sales rep's id in the
     * routing rules), {@code groups} the roles, as MicroProfile JWT reads them.
     */
    public static String sign(String subject, List<String> roles, String issuer, Duration lifetime, Instant now) {
        try {
            return sign(subject, roles, issuer, lifetime, now, privateKey());
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("cannot read the development key", unexpected);
        }
    }

    /**
     * A token like {@link #bearer}'s, but signed with a fresh RSA key no service trusts: what an
     * attacker's own key pair makes. Without the {@code Bearer} prefix.
     */
    public static String signedByAnotherKey(String subject, String... roles) {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return sign(subject, List.of(roles), ISSUER, DEFAULT_LIFETIME, Instant.now(), rsa.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("every Java runtime has RSA", unexpected);
        }
    }

    private static String sign(String subject, List<String> roles, String issuer, Duration lifetime, Instant now, PrivateKey key)
            throws GeneralSecurityException {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + quoted(issuer)
                + ",\"sub\":" + quoted(subject)
                + ",\"upn\":" + quoted(subject)
                + ",\"groups\":[" + roles.stream().map(DevTokens::quoted).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + "}";
        String signingInput = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(rsa.sign());
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        String pem = resource(PRIVATE_KEY_RESOURCE).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
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

    /** Prints a token: {@code [--sub NAME] [--roles ROLE,ROLE] [--hours N]}. */
    public static void main(String[] args) {
        String subject = "dev";
        List<String> roles = List.of("admin");
        Duration lifetime = DEFAULT_LIFETIME;
        try {
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
            }
            for (int i = 0; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--sub" -> subject = args[i + 1];
                    case "--roles" -> roles = List.of(args[i + 1].split(","));
                    case "--hours" -> lifetime = Duration.ofHours(Long.parseLong(args[i + 1]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use --sub, --roles, --hours)");
                }
            }
        } catch (IllegalArgumentException badOption) {
            System.err.println("token: " + badOption.getMessage());
            System.exit(2);
        }
        System.out.println(sign(subject, roles, ISSUER, lifetime, Instant.now()));
    }
}
