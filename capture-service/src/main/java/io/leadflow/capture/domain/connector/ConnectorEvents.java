package io.leadflow.capture.domain.connector;

import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.events.DeterministicIds;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the engagement of one vendor event. Its id derives from the vendor's own identity of the
 * event, so that the vendor's retries of one delivery are one event for every consumer.
 */
public final class ConnectorEvents {

    /** The instants the wire contract can write (four-digit years); a vendor time outside is none. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final IdentityRules rules;
    private final Clock clock;

    public ConnectorEvents(IdentityRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Why the vendor's email (at {@code field}) cannot identify a lead, if it cannot. */
    public Optional<FieldError> emailProblem(String field, String email) {
        if (email == null || email.isBlank()) {
            return Optional.of(new FieldError(field, "is required"));
        }
        return rules.emailProblem(email.trim()).map(problem -> new FieldError(field, problem));
    }

    /** Now, for vendor events that do not say when they happened. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The engagement of one vendor event.
     *
     * @param vendorId what identifies the event at the vendor (with the workspace, the event id derives from it)
     * @param occurredAt when the vendor says it happened (now, when that is before 1970 or after 9999)
     * @param source {@code api}, or {@code form:<vendor>:<formId>} for a vendor's lead form
     * @param properties what happened; the connector's {@code connector}, {@code utm_source} and
     *     {@code utm_medium} are added unless the vendor event set them
     */
    public CapturedEvent event(Connector connector, String workspace, List<String> vendorId, EngagementType type,
            String email, Instant occurredAt, String source, Map<String, Object> properties, Map<String, Object> traits) {
        Map<String, Object> withConnector = new LinkedHashMap<>();
        withConnector.put("connector", connector.id());
        withConnector.put("utm_source", connector.id());
        withConnector.put("utm_medium", connector.medium());
        withConnector.putAll(properties);
        String id = DeterministicIds.of(connector.id(), workspace, String.join("|", vendorId));
        String trimmed = email.trim();
        Instant when = occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(LATEST) ? clock.instant() : occurredAt;
        return new CapturedEvent(id, new EngagementCaptured(LeadKeys.of(trimmed, null), type, trimmed, null, when,
                source, withConnector, traits, false, null));
    }
}
