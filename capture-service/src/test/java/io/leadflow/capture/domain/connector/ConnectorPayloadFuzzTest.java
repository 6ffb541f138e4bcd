package io.leadflow.capture.domain.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.Attribution;
import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.domain.connector.FacebookLeadAds.LeadgenChange;
import io.leadflow.capture.domain.connector.LinkedInLeadGen.LeadNotice;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What connectors read from vendors, fuzzed without Quarkus (once the signature passed, these bytes are
 * the vendor's, or a holder of its secret's): Mandrill's {@code mandrill_events}, a Mailchimp form post, a
 * Graph API lead, a LinkedIn lead form response. Whatever the bytes, the mapper refuses them with errors (a 400) or makes events that,
 * attributed and written as the producer writes them, meet the engagement schema; it never throws (a 500).
 * Every build replays the seeds in {@code ConnectorPayloadFuzzTestInputs}.
 */
class ConnectorPayloadFuzzTest {

    private static final ConnectorEvents EVENTS = new ConnectorEvents(OnTheWire.RULES, OnTheWire.CLOCK);
    private final MandrillWebhook mandrill = new MandrillWebhook(EVENTS, new BotClassifier());
    private final MailchimpWebhook mailchimp = new MailchimpWebhook(EVENTS);
    private final FacebookLeadAds facebook = new FacebookLeadAds(EVENTS);
    private final LinkedInLeadGen linkedIn = new LinkedInLeadGen(EVENTS);
    private static final LeadNotice LINKEDIN_LEAD = new LeadNotice("r1", "5765766", OnTheWire.CLOCK.instant());
    private static final JsonNode LINKEDIN_FORM = readTree(VendorPayloads.text("linkedin-lead-form.json"));

    @Test
    void every_seed_is_captured() throws Exception {
        for (byte[] seed : OnTheWire.seeds(getClass(), "aMandrillPostIsRefusedOrCapturedAsValidEvents")) {
            assertThat(mandrill.map("fuzz", new String(seed, StandardCharsets.UTF_8)).events()).isNotEmpty();
        }
        for (byte[] seed : OnTheWire.seeds(getClass(), "aMailchimpPostIsRefusedOrCapturedAsAValidEvent")) {
            assertThat(mailchimp.map("fuzz", form(seed)).events()).hasSize(1);
        }
        for (byte[] seed : OnTheWire.seeds(getClass(), "aLinkedInLeadIsRefusedOrCapturedAsAValidEvent")) {
            assertThat(linkedIn.map("fuzz", LINKEDIN_LEAD, OnTheWire.JSON.readTree(seed), LINKEDIN_FORM).events()).hasSize(1);
        }
        for (byte[] seed : OnTheWire.seeds(getClass(), "aFacebookLeadIsRefusedOrCapturedAsAValidEvent")) {
            assertThat(facebook.map("fuzz", new LeadgenChange("1", "2", "3", "4"), OnTheWire.JSON.readTree(seed)).events()).hasSize(1);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aMandrillPostIsRefusedOrCapturedAsValidEvents(byte[] input) throws Exception {
        assertPublishable(mandrill.map("fuzz", new String(input, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "60s")
    void aMailchimpPostIsRefusedOrCapturedAsAValidEvent(byte[] input) throws Exception {
        Map<String, List<String>> fields;
        try {
            fields = form(input);
        } catch (IllegalArgumentException undecodable) {
            return; // no HTTP layer decodes a broken %-escape: it never reaches the mapper
        }
        assertPublishable(mailchimp.map("fuzz", fields));
    }

    @FuzzTest(maxDuration = "60s")
    void aFacebookLeadIsRefusedOrCapturedAsAValidEvent(byte[] input) throws Exception {
        JsonNode lead;
        try {
            lead = OnTheWire.JSON.readTree(asVendorApiReadsIt(input));
        } catch (JacksonException unreadable) {
            return; // VendorApi answers 503 for what is not JSON
        }
        if (lead != null && lead.isObject()) {
            assertPublishable(facebook.map("fuzz", new LeadgenChange("1", "2", "3", "4"), lead));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aLinkedInLeadIsRefusedOrCapturedAsAValidEvent(byte[] input) throws Exception {
        JsonNode response;
        try {
            response = OnTheWire.JSON.readTree(asVendorApiReadsIt(input));
        } catch (JacksonException unreadable) {
            return; // VendorApi answers 503 for what is not JSON
        }
        if (response != null && response.isObject()) {
            assertPublishable(linkedIn.map("fuzz", LINKEDIN_LEAD, response, LINKEDIN_FORM));
        }
    }

    private static void assertPublishable(Validation validation) throws Exception {
        for (CapturedEvent event : OnTheWire.published(validation.events())) {
            OnTheWire.assertFitForTheTopic(Attribution.attributed(event));
        }
    }

    /**
     * An API answer as VendorApi reads it: the body as UTF-8 text, then JSON. Read as bytes, Jackson would guess
     * the encoding, and bytes that look like UTF-32 but are not throw a CharConversionException, no
     * JacksonException (the fuzzer's first finding here, crash-9942d2e8...: the harness, not VendorApi, read bytes).
     */
    private static String asVendorApiReadsIt(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static JsonNode readTree(String json) {
        try {
            return OnTheWire.JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> form(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            fields.computeIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                    .add(nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }
}
