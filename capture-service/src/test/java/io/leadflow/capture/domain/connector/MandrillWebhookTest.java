package io.leadflow.capture.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.Validation;
import io.leadflow.events.EngagementType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MandrillWebhookTest {

    private static final String URL = "https://capture.example.com/v1/connectors/mandrill/dev-secret";
    private static final String EVENTS = "[{\"event\":\"open\",\"_id\":\"m1\",\"ts\":1384954100,\"msg\":{\"email\":\"ada@example.com\"}}]";
    /** base64(HMAC-SHA1(key, URL + "mandrill_events" + EVENTS)), computed with Python's hmac, not with this code. */
    private static final String SIGNATURE = "uzMSgHakHhpUoq0MLG6SOVqQyig=";

    private final MandrillWebhook webhook = new MandrillWebhook(new ConnectorEvents(OnTheWire.RULES, OnTheWire.CLOCK),
            new BotClassifier());

    @Test
    void mandrills_signature_over_the_url_and_the_sorted_fields_is_accepted_and_a_forged_one_refused() {
        Map<String, List<String>> form = Map.of("mandrill_events", List.of(EVENTS));

        assertThat(MandrillWebhook.signatureMatches("mandrill-test-webhook-key", URL, form, SIGNATURE)).isTrue();
        assertThat(MandrillWebhook.signatureMatches("another-key", URL, form, SIGNATURE)).isFalse();
        assertThat(MandrillWebhook.signatureMatches("mandrill-test-webhook-key", URL + "/", form, SIGNATURE)).isFalse();
        assertThat(MandrillWebhook.signatureMatches("mandrill-test-webhook-key", URL,
                Map.of("mandrill_events", List.of(EVENTS.replace("ada", "eve"))), SIGNATURE)).isFalse();
        assertThat(MandrillWebhook.signatureMatches("mandrill-test-webhook-key", URL, form, null)).isFalse();
    }

    @Test
    void the_documented_events_map_to_engagement_and_delivery_events_to_nothing() throws Exception {
        Validation mapped = webhook.map("acme", VendorPayloads.text("mandrill-events.json"));

        assertThat(mapped.events()).extracting(event -> event.data().type()).containsExactly(
                EngagementType.EMAIL_OPENED, EngagementType.EMAIL_CLICKED, EngagementType.EMAIL_BOUNCED,
                EngagementType.EMAIL_UNSUBSCRIBED, EngagementType.EMAIL_UNSUBSCRIBED);
        CapturedEvent click = mapped.events().get(1);
        assertThat(click.data().email()).isEqualTo("example.webhook@mandrillapp.com");
        assertThat(click.data().properties()).containsEntry("url", "http://mandrill.com")
                .containsEntry("utm_campaign", "webhook-example").containsEntry("connector", "mandrill");
        assertThat(mapped.events().get(3).data().properties()).containsEntry("mandrillEvent", "spam");
        for (CapturedEvent event : mapped.events()) {
            OnTheWire.assertFitForTheTopic(event);
        }
    }

    @Test
    void each_event_has_its_own_id_and_a_retry_the_same() {
        List<String> ids = webhook.map("acme", VendorPayloads.text("mandrill-events.json")).events().stream().map(CapturedEvent::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(webhook.map("acme", VendorPayloads.text("mandrill-events.json")).events()).extracting(CapturedEvent::id).isEqualTo(ids);
    }

    @Test
    void an_open_by_a_mail_scanner_is_flagged() {
        Validation mapped = webhook.map("acme", "[{\"event\":\"open\",\"_id\":\"m2\",\"ts\":1,\"user_agent\":\"Mimecast\","
                + "\"msg\":{\"email\":\"ada@example.com\"}}]");

        assertThat(mapped.events().get(0).data().bot()).isTrue();
        assertThat(mapped.events().get(0).data().botReason()).isEqualTo(BotClassifier.EMAIL_SCANNER);
    }

    @Test
    void unreadable_events_or_one_without_an_email_refuse_the_post_naming_the_field() {
        assertThat(webhook.map("acme", "not json").errors()).extracting("field").containsExactly("mandrill_events");
        assertThat(webhook.map("acme", null).errors()).extracting("field").containsExactly("mandrill_events");
        assertThat(webhook.map("acme", "[{\"event\":\"click\",\"_id\":\"m3\",\"msg\":{}}]").errors())
                .extracting("field").containsExactly("mandrill_events[0].msg.email");
        assertThat(webhook.map("acme", "[]").events()).isEmpty();
    }
}
