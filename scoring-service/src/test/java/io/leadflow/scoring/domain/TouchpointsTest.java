package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.Decay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First-touch and last-touch sources across a multi-touch journey, however its events arrive. */
class TouchpointsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");

    /** Found by an organic search on Monday, back through a newsletter on Wednesday, then a paid ad on Friday. */
    private final List<Engagement> journey = List.of(
            touch("search", EngagementType.PAGE_VIEWED, "organic-search", MONDAY),
            touch("newsletter", EngagementType.EMAIL_CLICKED, "email", MONDAY.plus(Duration.ofDays(2))),
            touch("ad", EngagementType.PAGE_VIEWED, "paid-search", MONDAY.plus(Duration.ofDays(4))));

    @Test
    void the_first_touch_is_the_earliest_channel_and_the_last_touch_the_latest() {
        Map<String, Object> traits = count(journey);

        assertThat(traits)
                .containsEntry(Touchpoints.FIRST_CHANNEL, "organic-search")
                .containsEntry(Touchpoints.FIRST_AT, MONDAY.toString())
                .containsEntry(Touchpoints.LAST_CHANNEL, "paid-search")
                .containsEntry(Touchpoints.LAST_AT, MONDAY.plus(Duration.ofDays(4)).toString());
    }

    @Test
    void events_arriving_late_or_in_any_order_end_in_the_same_touches() {
        Map<String, Object> inOrder = count(journey);

        assertThat(count(List.of(journey.get(2), journey.get(0), journey.get(1)))).isEqualTo(inOrder);
        assertThat(count(List.of(journey.get(1), journey.get(2), journey.get(0)))).isEqualTo(inOrder);
    }

    @Test
    void events_without_a_known_channel_and_bots_leave_the_touches_alone() {
        Map<String, Object> before = count(journey);
        Instant later = MONDAY.plus(Duration.ofDays(9));

        assertThat(Touchpoints.after(before, Engagements.at("plain", EngagementType.PAGE_VIEWED, later))).isEqualTo(before);
        assertThat(Touchpoints.after(before, touch("odd", EngagementType.PAGE_VIEWED, "carrier-pigeon", later))).isEqualTo(before);
        Engagement scanner = new Engagement("scanner", EngagementType.EMAIL_CLICKED, later,
                Map.of("attributionChannel", "email"), Map.of(), true);
        assertThat(Touchpoints.after(before, scanner)).isEqualTo(before);
    }

    @Test
    void a_lead_scored_afresh_has_the_touches_its_engagements_made_and_keeps_its_other_traits() {
        LeadScorer scorer = new LeadScorer(1, Models.model(List.of(Models.rule("view", EngagementType.PAGE_VIEWED, 5)),
                new Decay(Map.of(), Duration.ofDays(30))));
        List<RecordedEvent> history = new ArrayList<>();
        history.add(new RecordedEvent(new Identification("who", MONDAY.minusSeconds(60), Map.of("company", "Analytical Engines")), 1));
        journey.forEach(engagement -> history.add(new RecordedEvent(engagement, 1)));

        HistoryRescorer.Rescored rescored = HistoryRescorer.rescore(scorer, "ada@example.com", history);

        assertThat(rescored.traits())
                .containsEntry("company", "Analytical Engines")
                .containsEntry(Touchpoints.FIRST_CHANNEL, "organic-search")
                .containsEntry(Touchpoints.LAST_CHANNEL, "paid-search");
    }

    private static Map<String, Object> count(List<Engagement> engagements) {
        Map<String, Object> traits = new HashMap<>();
        for (Engagement engagement : engagements) {
            traits = Touchpoints.after(traits, engagement);
        }
        return traits;
    }

    private static Engagement touch(String id, EngagementType type, String channel, Instant at) {
        return new Engagement(id, type, at, Map.of("attributionChannel", channel), Map.of(), false);
    }
}
