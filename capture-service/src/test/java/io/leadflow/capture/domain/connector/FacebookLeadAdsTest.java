package io.leadflow.capture.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.connector.FacebookLeadAds.LeadgenChange;
import io.leadflow.events.EngagementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FacebookLeadAdsTest {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    /** sha256= and hex HMAC-SHA256 of BODY with fb-test-app-secret, computed with Python's hmac. */
    private static final String SIGNATURE = "sha256=f26d35998df90dbd32beffec6ad1ae9aaed27653bd5e4d008b07cb4f38b6d77d";

    private final FacebookLeadAds leadAds = new FacebookLeadAds(new ConnectorEvents(OnTheWire.RULES, OnTheWire.CLOCK));

    @Test
    void the_verification_request_gets_its_challenge_only_with_the_configured_token() {
        assertThat(FacebookLeadAds.challenge("verify-me", "subscribe", "verify-me", "1158201444")).contains("1158201444");
        assertThat(FacebookLeadAds.challenge("verify-me", "subscribe", "guess", "1158201444")).isEmpty();
        assertThat(FacebookLeadAds.challenge("verify-me", "unsubscribe", "verify-me", "1158201444")).isEmpty();
        assertThat(FacebookLeadAds.challenge("verify-me", "subscribe", null, "1158201444")).isEmpty();
    }

    @Test
    void the_app_secrets_signature_of_the_raw_body_is_accepted_and_a_forged_one_refused() {
        assertThat(FacebookLeadAds.signatureMatches("fb-test-app-secret", BODY, SIGNATURE)).isTrue();
        assertThat(FacebookLeadAds.signatureMatches("fb-test-app-secret", BODY, SIGNATURE.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(FacebookLeadAds.signatureMatches("another-secret", BODY, SIGNATURE)).isFalse();
        assertThat(FacebookLeadAds.signatureMatches("fb-test-app-secret", "{\"object\":\"page\",\"entry\":[ ]}".getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(FacebookLeadAds.signatureMatches("fb-test-app-secret", BODY, SIGNATURE.substring(7))).isFalse();
        assertThat(FacebookLeadAds.signatureMatches("fb-test-app-secret", BODY, null)).isFalse();
    }

    @Test
    void the_documented_notification_names_its_lead_and_form() throws Exception {
        JsonNode notification = OnTheWire.JSON.readTree(VendorPayloads.text("facebook-leadgen-notification.json"));

        assertThat(FacebookLeadAds.leadgenChanges(notification))
                .containsExactly(new LeadgenChange("123123123123", "12312312312", "12312312312", "123123123"));
        assertThat(FacebookLeadAds.leadgenChanges(OnTheWire.JSON.readTree("{\"entry\":[{\"changes\":[{\"field\":\"feed\"}]}]}"))).isEmpty();
    }

    @Test
    void the_documented_lead_is_a_form_submission_from_the_campaign_with_its_answers_as_traits() throws Exception {
        JsonNode lead = OnTheWire.JSON.readTree(VendorPayloads.text("facebook-lead.json"));
        LeadgenChange change = new LeadgenChange("123123123123", "12312312312", "12312312312", "123123123");

        CapturedEvent event = leadAds.map("acme", change, lead).events().get(0);

        assertThat(event.data().type()).isEqualTo(EngagementType.FORM_SUBMITTED);
        assertThat(event.data().email()).isEqualTo("joe@example.com");
        assertThat(event.data().source()).isEqualTo("form:facebook:12312312312");
        assertThat(event.data().occurredAt()).isEqualTo(Instant.parse("2015-02-28T08:49:14Z"));
        assertThat(event.data().traits()).containsEntry("fullName", "Joe Example").containsEntry("company", "Example Motors")
                .containsEntry("jobTitle", "Head of Fleet").doesNotContainKey("car_make");
        assertThat(event.data().properties()).containsEntry("utm_campaign", "Spring webinar").containsEntry("utm_source", "facebook")
                .containsEntry("utm_medium", "paid-social").containsEntry("leadgenId", "123123123123");
        assertThat(event.id()).isEqualTo(leadAds.map("acme", change, lead).events().get(0).id());
        OnTheWire.assertFitForTheTopic(event);
    }

    @Test
    void a_lead_without_an_email_is_refused_naming_the_field() throws Exception {
        JsonNode lead = OnTheWire.JSON.readTree("{\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Joe\"]}]}");

        assertThat(leadAds.map("acme", new LeadgenChange("1", "2", "3", "4"), lead).errors())
                .extracting("field").containsExactly("field_data.email");
    }

    @Test
    void what_is_not_a_graph_id_is_not_taken_as_the_form_ad_or_campaign() throws Exception {
        // a CI fuzz round's finding: a form id with a carriage return became a source the contract refuses
        JsonNode lead = OnTheWire.JSON.readTree("{\"form_id\":\"12\\r34\",\"ad_id\":\"ad-1\",\"campaign_id\":\"6e3\","
                + "\"field_data\":[{\"name\":\"email\",\"values\":[\"joe@example.com\"]}]}");

        CapturedEvent event = leadAds.map("acme", new LeadgenChange("1", "777", "888", "4"), lead).events().get(0);

        assertThat(event.data().source()).isEqualTo("form:facebook:777");
        assertThat(event.data().properties()).containsEntry("formId", "777").containsEntry("adId", "888")
                .doesNotContainKeys("campaignId", "utm_campaign");
        OnTheWire.assertFitForTheTopic(event);
        assertThat(FacebookLeadAds.leadgenChanges(OnTheWire.JSON.readTree(
                "{\"entry\":[{\"changes\":[{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":5,\"form_id\":\"x\\n1\"}}]}]}")))
                .containsExactly(new LeadgenChange("5", "", "", ""));
    }
}
