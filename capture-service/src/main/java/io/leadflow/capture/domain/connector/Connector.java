package io.leadflow.capture.domain.connector;

/**
 * A vendor whose webhooks capture takes, and the campaign medium its engagement comes through: it
 * goes on each event as {@code utm_source} / {@code utm_medium}, so that attribution counts it.
 */
public enum Connector {
    MAILCHIMP("mailchimp", "email"),
    MANDRILL("mandrill", "email"),
    FACEBOOK("facebook", "paid-social"),
    LINKEDIN("linkedin", "paid-social");

    private final String id;
    private final String medium;

    Connector(String id, String medium) {
        this.id = id;
        this.medium = medium;
    }

    /** The vendor's name in URLs, properties and event ids. */
    public String id() {
        return id;
    }

    /** The {@code utm_medium} of its engagement. */
    public String medium() {
        return medium;
    }
}
