package io.leadflow.capture.domain;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A write key defined in a file of a mounted directory (a Kubernetes Secret, one entry per key): the
 * file's name is the key's name, its content the key's definition, as properties:
 * <pre>
 * kind=public
 * sha256=07151b29...
 * allowed-origins=https://www.example.com,https://example.com
 * </pre>
 * Only the key's SHA-256 is kept, as in the configuration.
 */
public final class WriteKeyDefinition {

    private static final Set<String> FIELDS = Set.of("kind", "sha256", "allowed-origins");

    private WriteKeyDefinition() {
    }

    /**
     * The key {@code text} defines.
     *
     * @throws IllegalArgumentException naming the key and what is wrong, when the definition cannot work
     */
    public static WriteKey parse(String name, String text) {
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("write key " + name + ": not a properties text (" + e.getMessage() + ")");
        }
        for (String field : fields.stringPropertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("write key " + name + ": unknown field '" + field + "', expected kind, sha256 "
                        + "and, for a public key, allowed-origins");
            }
        }
        String kind = fields.getProperty("kind");
        KeyKind parsedKind = KeyKind.fromWireName(kind).orElseThrow(() -> new IllegalArgumentException(
                "write key " + name + ": kind must be public or secret"));
        String sha256 = fields.getProperty("sha256");
        if (sha256 == null) {
            throw new IllegalArgumentException("write key " + name + ": sha256 is required (printf %s \"$KEY\" | sha256sum)");
        }
        String origins = fields.getProperty("allowed-origins", "");
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        return WriteKeyRing.configured(name, sha256, parsedKind, allowed);
    }
}
