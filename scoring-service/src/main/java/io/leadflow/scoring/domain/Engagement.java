package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a lead did, as the scoring rules see it.
 *
 * @param eventId the CloudEvent id of the engagement: its identity in the ledger
 * @param type what the lead did
 * @param occurredAt when it happened
 * @param properties what happened: url, form id, campaign fields, ...
 * @param traits what the event says about the lead
 * @param bot true when capture judged it the work of a bot or scanner: it scores nothing
 * @param event the name its sender gave it ({@code Pricing Calculator Used}), always set for a custom one; null when
 *     the source named none
 */
public record Engagement(
        String eventId,
        EngagementType type,
        Instant occurredAt,
        Map<String, Object> properties,
        Map<String, Object> traits,
        boolean bot,
        String event) implements LeadEvent {

    public Engagement {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        traits = traits == null ? Map.of() : Map.copyOf(traits);
    }

    /** An engagement whose source named no event. */
    public Engagement(String eventId, EngagementType type, Instant occurredAt, Map<String, Object> properties,
            Map<String, Object> traits, boolean bot) {
        this(eventId, type, occurredAt, properties, traits, bot, null);
    }

    /** What it is called in explanations: a custom engagement's own name, else its type's. */
    public String name() {
        return type == EngagementType.CUSTOM && event != null ? event : type.wireName();
    }

    @Override
    public ScoringOutcome scoredBy(LeadScorer scorer, LeadStanding before, List<LedgerEntry> ledger) {
        return scorer.score(before, this, ledger);
    }

    /** A property as text, when it is set and not blank. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).map(Object::toString).filter(text -> !text.isBlank());
    }

    /** The path of the {@code url} property ({@code /pricing} of {@code https://example.com/pricing?x=1}), or of {@code path}. */
    public Optional<String> path() {
        return property("url").map(Engagement::pathOf).or(() -> property("path"));
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url.trim()).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }
}
