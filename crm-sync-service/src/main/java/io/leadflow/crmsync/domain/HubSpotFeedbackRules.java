package io.leadflow.crmsync.domain;

import io.leadflow.events.SalesAction;
import java.util.Locale;
import java.util.Optional;

/**
 * Which HubSpot contact property changes are sales' verdict on a handed-off lead, and which one:
 * <ul>
 * <li>{@code lifecyclestage} to {@code salesqualifiedlead}: qualified (SQL);</li>
 * <li>{@code hs_lead_status} to {@code IN_PROGRESS}, {@code CONNECTED} or {@code ATTEMPTED_TO_CONTACT}: accepted (SAL);</li>
 * <li>{@code hs_lead_status} to {@code UNQUALIFIED}: rejected, reason {@code unqualified};</li>
 * <li>{@code hs_lead_status} to {@code BAD_TIMING}: recycled, reason {@code bad-timing}.</li>
 * </ul>
 * Other changes (and the values HubSpot sets itself, such as {@code NEW} or {@code OPEN}) say nothing.
 */
public final class HubSpotFeedbackRules {

    private HubSpotFeedbackRules() {
    }

    /** Sales' verdict carried by a property change, if any. */
    public static Optional<SalesVerdict> of(String propertyName, String propertyValue) {
        if (propertyName == null || propertyValue == null) {
            return Optional.empty();
        }
        String value = propertyValue.trim().toUpperCase(Locale.ROOT);
        return switch (propertyName) {
            case "lifecyclestage" -> "SALESQUALIFIEDLEAD".equals(value)
                    ? Optional.of(new SalesVerdict(SalesAction.QUALIFIED, null)) : Optional.empty();
            case "hs_lead_status" -> switch (value) {
                case "IN_PROGRESS", "CONNECTED", "ATTEMPTED_TO_CONTACT" -> Optional.of(new SalesVerdict(SalesAction.ACCEPTED, null));
                case "UNQUALIFIED" -> Optional.of(new SalesVerdict(SalesAction.REJECTED, "unqualified"));
                case "BAD_TIMING" -> Optional.of(new SalesVerdict(SalesAction.RECYCLED, "bad-timing"));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }
}
