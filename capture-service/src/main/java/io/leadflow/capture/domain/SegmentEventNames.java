package io.leadflow.capture.domain;

import io.leadflow.events.EngagementType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Segment {@code track} event names that are engagement, per Segment's specs (Email, E-commerce)
 * and the names marketing tools commonly send. Names compare case-insensitively, with
 * {@code .}, {@code _} and {@code -} read as spaces, so each wire name ({@code demo.requested}) works too.
 */
public final class SegmentEventNames {

    private static final Map<String, EngagementType> TYPES = Map.ofEntries(
            Map.entry("email opened", EngagementType.EMAIL_OPENED),
            Map.entry("email clicked", EngagementType.EMAIL_CLICKED),
            Map.entry("email link clicked", EngagementType.EMAIL_CLICKED),
            Map.entry("page viewed", EngagementType.PAGE_VIEWED),
            Map.entry("content downloaded", EngagementType.CONTENT_DOWNLOADED),
            Map.entry("file downloaded", EngagementType.CONTENT_DOWNLOADED),
            Map.entry("webinar registered", EngagementType.WEBINAR_REGISTERED),
            Map.entry("webinar attended", EngagementType.WEBINAR_ATTENDED),
            Map.entry("form submitted", EngagementType.FORM_SUBMITTED),
            Map.entry("demo requested", EngagementType.DEMO_REQUESTED),
            Map.entry("trial started", EngagementType.TRIAL_STARTED),
            Map.entry("order completed", EngagementType.PURCHASE_COMPLETED),
            Map.entry("purchase completed", EngagementType.PURCHASE_COMPLETED),
            Map.entry("unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED),
            Map.entry("email unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED),
            Map.entry("email bounced", EngagementType.EMAIL_BOUNCED));

    /** The names, for error messages: the Segment spelling of each. */
    static final String KNOWN = TYPES.keySet().stream().sorted()
            .map(name -> Arrays.stream(name.split(" ")).map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                    .collect(Collectors.joining(" ")))
            .collect(Collectors.joining(", "));

    private SegmentEventNames() {
    }

    /** The engagement a track event of this name is, if it is one. */
    public static Optional<EngagementType> typeOf(String eventName) {
        String normalized = eventName.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\s]+", " ").trim();
        return Optional.ofNullable(TYPES.get(normalized));
    }
}
