package io.leadflow.capture.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a write key may do. */
public enum KeyKind {
    /** Embedded in web pages: bound to allowed origins, may only add engagement. */
    PUBLIC("lf_pub_"),
    /** Kept on servers: may add engagement and identify leads. */
    SECRET("lf_sec_");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** How a key of this kind made by the service starts, so that people can tell the kinds apart (and scanners find leaked ones). */
    public String prefix() {
        return prefix;
    }

    /** The kind as the API and the keys file name it: {@code public} or {@code secret}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code public} or {@code secret} (any case), if it is one. */
    public static Optional<KeyKind> fromWireName(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(kind -> kind.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** Whether a key of this kind may do what the request asks. */
    public boolean permits(Capability capability) {
        return capability == Capability.ENGAGE || this == SECRET;
    }

    /** What a request asks a key for. */
    public enum Capability {
        /** Add engagement events (track, page, native events). */
        ENGAGE,
        /** Tie an anonymous visitor to a known lead (identify). */
        IDENTIFY
    }
}
