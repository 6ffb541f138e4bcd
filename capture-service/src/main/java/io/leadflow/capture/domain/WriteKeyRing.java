package io.leadflow.capture.domain;

import io.leadflow.capture.domain.KeyKind.Capability;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The write keys capture accepts, held by their SHA-256 so that the configuration never holds a
 * usable key, and the rules deciding whether a request may use the key it presents.
 */
public final class WriteKeyRing {

    private final Map<String, WriteKey> keysByHash;
    private final List<String> publicOrigins;

    public WriteKeyRing(Collection<WriteKey> keys) {
        this.keysByHash = keys.stream().collect(Collectors.toUnmodifiableMap(WriteKey::sha256, Function.identity()));
        this.publicOrigins = keys.stream().flatMap(key -> key.allowedOrigins().stream()).distinct().toList();
    }

    /**
     * A configured key, checked: a 64-digit hex hash, and origins for a public key only.
     *
     * @throws IllegalArgumentException when the entry cannot work
     */
    public static WriteKey configured(String name, String sha256, KeyKind kind, List<String> origins) {
        String hash = checkedHash("write key " + name, sha256);
        List<String> normalized = new ArrayList<>();
        for (String origin : origins) {
            normalized.add(Origins.normalize(origin).orElseThrow(() -> new IllegalArgumentException(
                    "write key " + name + ": allowed origin '" + origin + "' is not an http(s) origin")));
        }
        if (kind == KeyKind.PUBLIC && normalized.isEmpty()) {
            throw new IllegalArgumentException("write key " + name + ": a public key needs allowed origins");
        }
        return new WriteKey(name, hash, kind, kind == KeyKind.PUBLIC ? normalized : List.of());
    }

    /**
     * A configured SHA-256 in lowercase.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    private static String checkedHash(String what, String sha256) {
        String hash = sha256.trim().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(what + ": sha256 must be 64 hex digits");
        }
        return hash;
    }

    /** The lowercase hex SHA-256 of a key, as it is configured. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether a request may do what it asks with the key it presents.
     *
     * @param presented the key the request carries, if any
     * @param origin the request's normalized origin, if it has one
     */
    public Access check(Optional<String> presented, Optional<String> origin, Capability capability) {
        Optional<String> key = presented.map(String::trim).filter(text -> !text.isEmpty());
        if (key.isEmpty()) {
            return Access.refused(Access.Outcome.MISSING, "a write key is required, as the HTTP Basic user or as writeKey");
        }
        WriteKey found = keysByHash.get(sha256(key.get()));
        if (found == null) {
            return Access.refused(Access.Outcome.UNKNOWN, "the write key is not known");
        }
        if (found.kind() == KeyKind.PUBLIC && (origin.isEmpty() || !found.allowsOrigin(origin.get()))) {
            return Access.refused(Access.Outcome.WRONG_ORIGIN, "this public write key may not be used from "
                    + origin.map(o -> "origin " + o).orElse("a request without an Origin"));
        }
        if (!found.kind().permits(capability)) {
            return Access.refused(Access.Outcome.NOT_PERMITTED, "a public write key may only add engagement; "
                    + "identify needs a secret key");
        }
        return new Access(Access.Outcome.GRANTED, Optional.of(found), "");
    }

    /** Every origin some public key may be used from: the origins CORS answers for. */
    public List<String> publicOrigins() {
        return publicOrigins;
    }
}
