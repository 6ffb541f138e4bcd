package io.leadflow.capture.domain;

/** What a write key may do. */
public enum KeyKind {
    /** Embedded in web pages: bound to allowed origins, may only add engagement. */
    PUBLIC,
    /** Kept on servers: may add engagement and identify leads. */
    SECRET;

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
