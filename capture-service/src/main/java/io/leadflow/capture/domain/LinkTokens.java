package io.leadflow.capture.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens of the email open pixel and click redirect: {@code <payload>.<signature>}, both
 * base64url, the signature an HMAC-SHA256 of the payload. Only a token this service signed is
 * honoured, so a click redirect can never be pointed elsewhere (no open redirect). The first secret
 * signs; every secret verifies, so secrets can be rotated without breaking mails already sent.
 */
public final class LinkTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<byte[]> secrets;

    /** @param secrets the signing secrets, newest first; at least one, each of 32 bytes or more */
    public LinkTokens(List<String> secrets) {
        if (secrets.isEmpty() || secrets.stream().anyMatch(secret -> secret.getBytes(StandardCharsets.UTF_8).length < 32)) {
            throw new IllegalArgumentException("link signing needs at least one secret, each of 32 bytes or more");
        }
        this.secrets = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The token of a link. */
    public String sign(EmailLink link) {
        String payload = String.join("\n", VERSION, encode(link.email()), encode(link.campaign().orElse("")),
                encode(link.url().orElse("")));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(secrets.get(0), bytes));
    }

    /** The link a token stands for, when one of the secrets signed it; empty for any other string. */
    public Optional<EmailLink> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            boolean signed = secrets.stream().anyMatch(secret -> MessageDigest.isEqual(mac(secret, payload), signature));
            return signed ? parse(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<EmailLink> parse(String payload) {
        String[] fields = payload.split("\n", -1);
        if (fields.length != 4 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
            values.add(URLDecoder.decode(fields[i], StandardCharsets.UTF_8));
        }
        return Optional.of(new EmailLink(values.get(0), nonEmpty(values.get(1)), nonEmpty(values.get(2))));
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] mac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
