package io.leadflow.events;

import java.util.Locale;

/**
 * The lead key: the Kafka record key of every event about a lead, so that all of one lead's events
 * share a partition and keep their order. A known lead is keyed by its normalized email; an
 * anonymous visitor by its anonymous id.
 */
public final class LeadKeys {

    private static final String ANONYMOUS_PREFIX = "anon:";

    private LeadKeys() {
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The key for an event with this email and/or anonymous id; the email wins when both are set. */
    public static String of(String email, String anonymousId) {
        if (email != null && !email.isBlank()) {
            return normalizeEmail(email);
        }
        if (anonymousId != null && !anonymousId.isBlank()) {
            return ANONYMOUS_PREFIX + anonymousId.trim();
        }
        throw new IllegalArgumentException("a lead needs an email or an anonymous id");
    }
}
