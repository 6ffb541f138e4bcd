package io.leadflow.capture.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.WriteKeyRing;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: the mapping and the secret check are plain Java. */
class MailchimpWebhookTest {

    private final MailchimpWebhook webhook = new MailchimpWebhook(new ConnectorEvents(OnTheWire.RULES, OnTheWire.CLOCK));

    @Test
    void the_documented_subscribe_is_a_form_submission_with_the_merge_fields_as_traits() throws Exception {
        Validation mapped = webhook.map("acme", VendorPayloads.form("mailchimp-subscribe.form"));

        CapturedEvent event = mapped.events().get(0);
        assertThat(event.data().type()).isEqualTo(EngagementType.FORM_SUBMITTED);
        assertThat(event.data().email()).isEqualTo("api@mailchimp.com");
        assertThat(event.data().occurredAt()).isEqualTo(Instant.parse("2009-03-26T21:35:57Z"));
        assertThat(event.data().traits()).containsEntry("firstName", "Mailchimp").containsEntry("lastName", "API");
        assertThat(event.data().properties()).containsEntry("listId", "a6b5da1054").containsEntry("connector", "mailchimp")
                .containsEntry("utm_medium", "email").containsEntry("mailchimpEvent", "subscribe");
        OnTheWire.assertFitForTheTopic(event);
    }

    @Test
    void unsubscribe_and_cleaned_are_an_unsubscription_and_a_bounce_with_their_campaign() {
        CapturedEvent unsubscribed = webhook.map("acme", VendorPayloads.form("mailchimp-unsubscribe.form")).events().get(0);
        CapturedEvent cleaned = webhook.map("acme", VendorPayloads.form("mailchimp-cleaned.form")).events().get(0);

        assertThat(unsubscribed.data().type()).isEqualTo(EngagementType.EMAIL_UNSUBSCRIBED);
        assertThat(unsubscribed.data().properties()).containsEntry("utm_campaign", "cb398d21d2").containsEntry("reason", "manual");
        assertThat(cleaned.data().type()).isEqualTo(EngagementType.EMAIL_BOUNCED);
        assertThat(cleaned.data().properties()).containsEntry("reason", "hard");
    }

    @Test
    void a_retried_delivery_is_the_same_event_and_another_workspace_another() {
        Map<String, List<String>> post = VendorPayloads.form("mailchimp-subscribe.form");

        String first = webhook.map("acme", post).events().get(0).id();

        assertThat(webhook.map("acme", post).events().get(0).id()).isEqualTo(first);
        assertThat(webhook.map("globex", post).events().get(0).id()).isNotEqualTo(first);
    }

    @Test
    void an_address_change_or_a_campaign_records_nothing_and_an_unknown_type_or_no_email_is_refused() {
        Map<String, List<String>> noEmail = new LinkedHashMap<>(VendorPayloads.form("mailchimp-subscribe.form"));
        noEmail.remove("data[email]");

        assertThat(webhook.map("acme", Map.of("type", List.of("upemail"))).events()).isEmpty();
        assertThat(webhook.map("acme", Map.of("type", List.of("campaign"))).isValid()).isTrue();
        assertThat(webhook.map("acme", Map.of("type", List.of("teleport"))).errors()).extracting("field").containsExactly("type");
        assertThat(webhook.map("acme", noEmail).errors()).extracting("field").containsExactly("data[email]");
    }

    @Test
    void only_the_configured_secret_of_the_url_is_accepted() {
        String configured = WriteKeyRing.sha256("mc-url-secret");

        assertThat(MailchimpWebhook.secretMatches(configured, "mc-url-secret")).isTrue();
        assertThat(MailchimpWebhook.secretMatches(configured.toUpperCase(), "mc-url-secret")).isTrue();
        assertThat(MailchimpWebhook.secretMatches(configured, "mc-url-secreT")).isFalse();
        assertThat(MailchimpWebhook.secretMatches(configured, null)).isFalse();
    }
}
