package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.capture.OnTheWire;
import io.leadflow.events.AttributionChannel;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: the classifier is plain Java. */
class AttributionTest {

    private static Optional<AttributionChannel> channel(Map<String, Object> properties) {
        return Attribution.channel("page.viewed", properties);
    }

    @Test
    void a_multi_touch_journey_has_its_first_touch_and_its_last_touch() throws Exception {
        // Given one visitor's journey, in order: found by search, back from a LinkedIn post, a step inside the site,
        // a paid search ad, a newsletter click, typed in, then the demo form
        String site = "https://www.example.com";
        List<Map<String, Object>> journey = List.of(
                Map.of("url", site + "/blog/scoring", "referrer", "https://www.google.co.uk/"),
                Map.of("url", site + "/pricing", "referrer", "https://lnkd.in/abc"),
                Map.of("url", site + "/pricing/enterprise", "referrer", site + "/pricing"),
                Map.of("url", site + "/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand&gclid=Cj0", "referrer", "https://www.google.com/"),
                Map.of("url", site + "/webinar", "utm_source", "mailchimp", "utm_medium", "email", "utm_campaign", "nov"),
                Map.of("url", site + "/"),
                Map.of("url", site + "/demo", "referrer", site + "/", "formId", "demo-request", "_ga", "GA1.1.1234567890.1700000000"));

        // When each event is attributed as capture writes it
        List<EngagementCaptured> written = journey.stream().map(properties -> Attribution.attributed(new CapturedEvent("id",
                new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED, "ada@example.com", null,
                        Instant.parse("2026-11-23T10:00:00Z"), "api", properties, Map.of(), false, null))).data()).toList();

        // Then each touch has its channel (steps inside the site none), so the first touch is organic search and the
        // last direct, the last before it email; and the form carries the GA client id to join with GA's reports
        assertThat(written).extracting(event -> event.properties().get(AttributionChannel.PROPERTY)).containsExactly(
                "organic-search", "social", null, "paid-search", "email", "direct", null);
        assertThat(written.get(6).properties()).containsEntry(Attribution.GA_CLIENT_ID, "1234567890.1700000000");
        for (EngagementCaptured event : written) {
            OnTheWire.assertFitForTheTopic(new CapturedEvent("id", event));
        }
    }

    @Test
    void campaign_tags_decide_before_the_referrer() {
        assertThat(channel(Map.of("url", "https://example.com/?utm_medium=paid-social&utm_source=facebook"))).contains(AttributionChannel.PAID_SOCIAL);
        assertThat(channel(Map.of("utm_medium", "cpc", "utm_source", "linkedin"))).contains(AttributionChannel.PAID_SOCIAL);
        assertThat(channel(Map.of("utm_medium", "PPC", "referrer", "https://www.bing.com/"))).contains(AttributionChannel.PAID_SEARCH);
        assertThat(channel(Map.of("utm_medium", "social", "referrer", "https://www.google.com/"))).contains(AttributionChannel.SOCIAL);
        assertThat(channel(Map.of("utm_medium", "organic", "utm_source", "bing"))).contains(AttributionChannel.ORGANIC_SEARCH);
        assertThat(channel(Map.of("url", "https://example.com/?msclkid=abc"))).contains(AttributionChannel.PAID_SEARCH);
    }

    @Test
    void the_referrers_site_decides_without_campaign_tags() {
        assertThat(channel(Map.of("referrer", "https://duckduckgo.com/"))).contains(AttributionChannel.ORGANIC_SEARCH);
        assertThat(channel(Map.of("referrer", "https://l.facebook.com/l.php"))).contains(AttributionChannel.SOCIAL);
        assertThat(channel(Map.of("referrer", "https://t.co/xyz"))).contains(AttributionChannel.SOCIAL);
        assertThat(channel(Map.of("referrer", "https://mail.google.com/"))).contains(AttributionChannel.EMAIL);
        assertThat(channel(Map.of("referrer", "https://news.ycombinator.com/item?id=1"))).contains(AttributionChannel.REFERRAL);
        assertThat(channel(Map.of("url", "https://example.com/", "referrer", "https://example.com/a"))).isEmpty();
    }

    @Test
    void email_engagement_is_email_and_an_event_saying_nothing_of_its_origin_has_no_channel() {
        assertThat(Attribution.channel("email.clicked", Map.of("url", "https://example.com/"))).contains(AttributionChannel.EMAIL);
        assertThat(channel(Map.of("formId", "demo-request"))).isEmpty();
        assertThat(channel(Map.of("url", "not a url", "referrer", ""))).isEmpty();
        assertThat(channel(Map.of("url", "https://example.com/?utm_medium=%zz"))).isEmpty(); // no URL: a bad escape
    }

    @Test
    void a_ga_cookie_gives_its_client_id_and_anything_else_none() {
        assertThat(Attribution.gaClientId("GA1.2.987654321.1699999999")).contains("987654321.1699999999");
        assertThat(Attribution.gaClientId("987654321.1699999999")).contains("987654321.1699999999");
        assertThat(Attribution.gaClientId("GA1.2.<script>")).isEmpty();
    }

    @Test
    void what_a_client_sends_as_channel_or_ga_client_id_is_replaced_or_dropped() throws Exception {
        EngagementCaptured paid = attributed(Map.of("url", "https://example.com/?utm_medium=cpc", "attributionChannel", 839,
                "gaClientId", "not-a-client-id"));
        EngagementCaptured unclassified = attributed(Map.of("attributionChannel", "carrier-pigeon", "gaClientId", 42));

        assertThat(paid.properties()).containsEntry(AttributionChannel.PROPERTY, "paid-search").doesNotContainKey(Attribution.GA_CLIENT_ID);
        assertThat(unclassified.properties()).doesNotContainKeys(AttributionChannel.PROPERTY, Attribution.GA_CLIENT_ID);
        OnTheWire.assertFitForTheTopic(new CapturedEvent("id", paid));
        OnTheWire.assertFitForTheTopic(new CapturedEvent("id", unclassified));
    }

    private static EngagementCaptured attributed(Map<String, Object> properties) {
        return Attribution.attributed(new CapturedEvent("id", new EngagementCaptured("ada@example.com", EngagementType.PAGE_VIEWED,
                "ada@example.com", null, Instant.parse("2026-11-23T10:00:00Z"), "api", properties, Map.of(), false, null))).data();
    }
}
