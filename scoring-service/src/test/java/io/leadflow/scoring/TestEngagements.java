package io.leadflow.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadIdentified;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.TestRecords;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Engagement events as capture-service writes them, sent straight to the test broker. */
public final class TestEngagements {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private TestEngagements() {
    }

    /** An email no other test uses, so tests never share a lead. */
    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    public static EngagementCaptured of(String email, EngagementType type, Instant occurredAt) {
        return new EngagementCaptured(email, type, email, null, occurredAt, "api", Map.of(), Map.of(), false, null);
    }

    public static EngagementCaptured with(String email, EngagementType type, Instant occurredAt, Map<String, Object> properties) {
        return new EngagementCaptured(email, type, email, null, occurredAt, "api", properties, Map.of(), false, null);
    }

    public static EngagementCaptured pageView(String email, String url, Instant occurredAt, Map<String, Object> traits) {
        return new EngagementCaptured(email, EngagementType.PAGE_VIEWED, email, null, occurredAt, "api", Map.of("url", url), traits, false, null);
    }

    /** An engagement of an anonymous visitor, keyed {@code anon:<anonymousId>}. */
    public static EngagementCaptured anonymous(String anonymousId, EngagementType type, Instant occurredAt, Map<String, Object> properties) {
        return new EngagementCaptured("anon:" + anonymousId, type, null, anonymousId, occurredAt, "api", properties, Map.of(), false, null);
    }

    /** Writes an identification (capture's identify call) under {@code ceId}, keyed by the known lead's key. */
    public static void identify(String ceId, String email, String anonymousId, Instant occurredAt, Map<String, Object> traits) {
        LeadIdentified identified = new LeadIdentified(LeadKeys.normalizeEmail(email), email, anonymousId, null, occurredAt, traits);
        TestRecords.sendCloudEvent(Topics.ENGAGEMENT, identified.leadKey(), ceId, LeadIdentified.TYPE, json(identified));
    }

    /** Writes the engagement to leadflow.engagement.v1 under {@code ceId}, keyed by its lead key. */
    public static void send(String ceId, EngagementCaptured engagement) {
        TestRecords.sendCloudEvent(Topics.ENGAGEMENT, engagement.leadKey(), ceId, EngagementCaptured.TYPE, json(engagement));
    }

    /** Writes the engagement under a new event id and answers that id. */
    public static String send(EngagementCaptured engagement) {
        String ceId = UUID.randomUUID().toString();
        send(ceId, engagement);
        return ceId;
    }

    public static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
