package io.leadflow.capture.domain;

import io.leadflow.events.EngagementType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which built-in engagement type an event name is: the Segment {@code track} names of Segment's specs (Email,
 * E-commerce) and those marketing tools commonly send, each wire name ({@code demo.requested}), and the names a
 * deployment maps ({@code leadflow.capture.event-names.signed-up=trial.started}). Any other name is a
 * {@link EngagementType#CUSTOM custom} engagement, kept under its name: every name is captured. Names compare
 * case-insensitively, with {@code .}, {@code _} and {@code -} read as spaces.
 */
public final class SegmentEventNames {

    private static final Map<String, EngagementType> BUILT_IN = Map.ofEntries(
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

    private final Map<String, EngagementType> types;

    /**
     * @param mapped event names to the wire name of the built-in type they are ({@code "Signed Up"} to
     *     {@code trial.started}); a mapped name wins over a built-in one
     * @throws IllegalArgumentException naming the entry, when a name is blank or maps to no built-in type
     */
    public SegmentEventNames(Map<String, String> mapped) {
        Map<String, EngagementType> all = new HashMap<>(BUILT_IN);
        mapped.forEach((name, wireName) -> {
            EngagementType type = EngagementType.fromWireName(wireName.trim()).filter(t -> t != EngagementType.CUSTOM)
                    .orElseThrow(() -> new IllegalArgumentException("leadflow.capture.event-names.\"" + name + "\" is " + wireName
                            + ": it must be the wire name of a built-in engagement type, such as trial.started"));
            if (normalized(name).isEmpty()) {
                throw new IllegalArgumentException("leadflow.capture.event-names has a blank event name");
            }
            all.put(normalized(name), type);
        });
        this.types = Map.copyOf(all);
    }

    /** Only the built-in names. */
    public static SegmentEventNames builtIn() {
        return new SegmentEventNames(Map.of());
    }

    /** The built-in type an event of this name is, or {@link EngagementType#CUSTOM} when it is none. */
    public EngagementType typeOf(String eventName) {
        return types.getOrDefault(normalized(eventName), EngagementType.CUSTOM);
    }

    private static String normalized(String eventName) {
        return eventName.toLowerCase(Locale.ROOT).replaceAll("[._\\-\\s]+", " ").trim();
    }
}
