package io.leadflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The engagement a lead showed, as named on the wire ({@code page.viewed}, ...). */
public enum EngagementType {
    EMAIL_OPENED("email.opened"),
    EMAIL_CLICKED("email.clicked"),
    PAGE_VIEWED("page.viewed"),
    CONTENT_DOWNLOADED("content.downloaded"),
    WEBINAR_REGISTERED("webinar.registered"),
    WEBINAR_ATTENDED("webinar.attended"),
    FORM_SUBMITTED("form.submitted"),
    DEMO_REQUESTED("demo.requested"),
    TRIAL_STARTED("trial.started"),
    PURCHASE_COMPLETED("purchase.completed"),
    EMAIL_UNSUBSCRIBED("email.unsubscribed"),
    EMAIL_BOUNCED("email.bounced"),
    /**
     * An engagement of the sender's own naming ("Pricing Calculator Used"), kept under its name in
     * {@link EngagementCaptured#event()}: no built-in type says what it is, the scoring model's rules name it.
     */
    CUSTOM("custom");

    private static final EngagementType[] ALL = values();

    private final String wireName;

    EngagementType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name, if there is one. */
    public static Optional<EngagementType> fromWireName(String name) {
        // a loop over one array: capture looks up every event's type
        for (EngagementType type : ALL) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static EngagementType parse(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown engagement type: " + name));
    }
}
