package io.leadflow.capture.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.connector.LinkedInLeadGen.LeadNotice;
import io.leadflow.events.EngagementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkedInLeadGenTest {

    private final LinkedInLeadGen leadGen = new LinkedInLeadGen(new ConnectorEvents(OnTheWire.RULES, OnTheWire.CLOCK));

    @Test
    void the_validation_answer_and_the_notification_signature_are_hmacs_with_the_client_secret() {
        // expected values computed with Python's hmac, not with this code
        assertThat(LinkedInLeadGen.challengeResponse("li-test-client-secret", "f6a7d2c4-1111-4222-8333-944455556666"))
                .isEqualTo("45ab1711f3fdf18e4ec0edecd8a0f1b71aaec0992288c3b0425b6c7c3f8c8d09");
        byte[] body = "{\"type\":\"LEAD_ACTION\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "ded2379e6582e221a7d6778f7ffcec5d83d9ab10ecc3caa700b4c07da1a736e8";

        assertThat(LinkedInLeadGen.signatureMatches("li-test-client-secret", body, signature)).isTrue();
        assertThat(LinkedInLeadGen.signatureMatches("another-secret", body, signature)).isFalse();
        assertThat(LinkedInLeadGen.signatureMatches("li-test-client-secret", "{\"type\":\"LEAD_ACTION\" }".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(LinkedInLeadGen.signatureMatches("li-test-client-secret", body, null)).isFalse();
    }

    @Test
    void only_the_type_4_uuid_linkedin_sends_is_a_challenge_code() {
        assertThat(LinkedInLeadGen.isChallengeCode("f6a7d2c4-1111-4222-8333-944455556666")).isTrue();
        assertThat(LinkedInLeadGen.isChallengeCode("F6A7D2C4-1111-4222-B333-944455556666")).isTrue();
        assertThat(LinkedInLeadGen.isChallengeCode("hmacsha256={\"type\":\"LEAD_ACTION\"}")).isFalse();
        assertThat(LinkedInLeadGen.isChallengeCode("f6a7d2c4-1111-1222-8333-944455556666")).isFalse();
        assertThat(LinkedInLeadGen.isChallengeCode("f6a7d2c4-1111-4222-8333-944455556666\n")).isFalse();
        assertThat(LinkedInLeadGen.isChallengeCode(null)).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LinkedInLeadGen.challengeResponse("li-test-client-secret", "hmacsha256={}"));
    }

    @Test
    void a_created_lead_notification_names_its_response_and_form_and_a_deleted_one_nothing() throws Exception {
        JsonNode notification = OnTheWire.JSON.readTree(VendorPayloads.text("linkedin-notification.json"));
        JsonNode deleted = ((com.fasterxml.jackson.databind.node.ObjectNode) notification.deepCopy()).put("leadAction", "DELETED");

        assertThat(leadGen.createdLead(notification)).contains(new LeadNotice("4e5a3af0-2d3c-4b1b-9f8e-6a1f2b3c4d5e", "5765766",
                Instant.ofEpochMilli(1700000000000L)));
        assertThat(leadGen.createdLead(deleted)).isEmpty();
    }

    @Test
    void a_form_response_is_a_form_submission_with_its_predefined_answers_as_traits() throws Exception {
        LeadNotice notice = new LeadNotice("4e5a3af0-2d3c-4b1b-9f8e-6a1f2b3c4d5e", "5765766", Instant.ofEpochMilli(1700000000000L));
        JsonNode response = OnTheWire.JSON.readTree(VendorPayloads.text("linkedin-lead-form-response.json"));
        JsonNode form = OnTheWire.JSON.readTree(VendorPayloads.text("linkedin-lead-form.json"));

        CapturedEvent event = leadGen.map("acme", notice, response, form).events().get(0);

        assertThat(event.data().type()).isEqualTo(EngagementType.FORM_SUBMITTED);
        assertThat(event.data().email()).isEqualTo("grace@example.org");
        assertThat(event.data().source()).isEqualTo("form:linkedin:5765766");
        assertThat(event.data().traits()).containsEntry("firstName", "Grace").containsEntry("lastName", "Hopper")
                .containsEntry("company", "Compilers Inc").containsEntry("jobTitle", "Rear Admiral");
        assertThat(event.data().properties()).containsEntry("utm_campaign", "urn:li:sponsoredCampaign:313257214")
                .containsEntry("utm_source", "linkedin").containsEntry("utm_medium", "paid-social");
        OnTheWire.assertFitForTheTopic(event);
    }

    @Test
    void a_response_without_an_email_answer_is_refused_naming_it() throws Exception {
        LeadNotice notice = new LeadNotice("r1", "5765766", Instant.ofEpochMilli(1700000000000L));
        JsonNode form = OnTheWire.JSON.readTree(VendorPayloads.text("linkedin-lead-form.json"));

        assertThat(leadGen.map("acme", notice, OnTheWire.JSON.readTree("{\"formResponse\":{\"answers\":[]}}"), form).errors())
                .extracting("field").containsExactly("formResponse.answers.EMAIL");
    }
}
