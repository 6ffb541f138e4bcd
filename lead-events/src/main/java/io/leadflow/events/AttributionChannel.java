package io.leadflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The marketing channel an engagement came through, as capture classifies it from the event's
 * {@code utm_*}, referrer and URL: {@code properties.attributionChannel} of {@code engagement.captured.v1}.
 * A lead's first-touch source is the channel of its earliest classified event, its last-touch the latest.
 */
public enum AttributionChannel {
    ORGANIC_SEARCH("organic-search"),
    PAID_SEARCH("paid-search"),
    PAID_SOCIAL("paid-social"),
    SOCIAL("social"),
    EMAIL("email"),
    REFERRAL("referral"),
    DIRECT("direct");

    /** The property of {@code engagement.captured.v1} holding the channel's wire name. */
    public static final String PROPERTY = "attributionChannel";

    private final String wireName;

    AttributionChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The channel with this wire name, if there is one. */
    public static Optional<AttributionChannel> fromWireName(String name) {
        return Arrays.stream(values()).filter(channel -> channel.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static AttributionChannel parse(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown attribution channel: " + name));
    }
}
