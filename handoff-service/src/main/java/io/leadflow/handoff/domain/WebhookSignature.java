package io.leadflow.handoff.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Leadflow-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex>}, where
 * each {@code v1} is the HMAC-SHA256, under one of the subscription's live secrets, of
 * {@code "<t>.<raw body>"}. Signing the timestamp lets receivers refuse replays; one {@code v1} per
 * secret lets them rotate without a gap (old and new both verify until the old one is retired).
 */
public final class WebhookSignature {

    public static final String HEADER = "Leadflow-Signature";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp}, one {@code v1} per secret, in order. */
    public static String header(long timestamp, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one secret to sign with");
        }
        return "t=" + timestamp + secrets.stream().map(secret -> ",v1=" + sign(secret, timestamp, body)).collect(Collectors.joining());
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under {@code secret}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
