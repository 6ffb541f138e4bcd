package io.leadflow.capture.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Makes new write keys: checks what a request asks for, then draws the key and its id at random. */
public final class WriteKeyIssuer {

    /** 32 random bytes: a key cannot be guessed, so its unsalted SHA-256 is safe to store. */
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final int MAX_DESCRIPTION_LENGTH = 200;

    private final SecureRandom random;
    private final Clock clock;

    public WriteKeyIssuer(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** What is wrong with a request for a key, each named by its field; empty when it can be made. */
    public List<FieldError> problems(String kind, String description, List<String> allowedOrigins) {
        List<FieldError> errors = new ArrayList<>();
        Optional<KeyKind> parsed = KeyKind.fromWireName(kind);
        if (parsed.isEmpty()) {
            errors.add(new FieldError("kind", "must be public or secret"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        List<String> origins = allowedOrigins == null ? List.of() : allowedOrigins;
        if (parsed.filter(KeyKind.PUBLIC::equals).isPresent() && origins.isEmpty()) {
            errors.add(new FieldError("allowedOrigins", "a public key needs the origins it may be used from"));
        }
        if (parsed.filter(KeyKind.SECRET::equals).isPresent() && !origins.isEmpty()) {
            errors.add(new FieldError("allowedOrigins", "a secret key is used by servers and is bound to no origin"));
        }
        for (int i = 0; i < origins.size(); i++) {
            if (origins.get(i) == null || Origins.normalize(origins.get(i)).isEmpty()) {
                errors.add(new FieldError("allowedOrigins[" + i + "]", "must be an origin such as https://www.example.com"));
            }
        }
        return errors;
    }

    /**
     * A new key; call only when {@link #problems} found none.
     *
     * @throws IllegalArgumentException when the request has problems
     */
    public IssuedWriteKey issue(String kind, String description, List<String> allowedOrigins) {
        List<FieldError> problems = problems(kind, description, allowedOrigins);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the write key request has problems: " + problems);
        }
        KeyKind keyKind = KeyKind.fromWireName(kind).orElseThrow();
        String plaintext = keyKind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(KEY_BYTES));
        String id = "wk_" + HexFormat.of().formatHex(bytes(ID_BYTES));
        WriteKey key = WriteKeyRing.configured(id, WriteKeyRing.sha256(plaintext), keyKind,
                allowedOrigins == null ? List.of() : allowedOrigins);
        return new IssuedWriteKey(plaintext, new ManagedWriteKey(key, description == null ? "" : description, clock.instant()));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
