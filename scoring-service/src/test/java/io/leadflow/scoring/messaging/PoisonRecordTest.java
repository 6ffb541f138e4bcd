package io.leadflow.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.Topics;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PoisonRecordTest {

    private static final Instant MORNING = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void poisonGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.ENGAGEMENT))) {
            // given a lead whose partition receives records that can never be processed
            String email = TestEngagements.uniqueEmail("mallory");
            String valid = TestEngagements.json(TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), EngagementCaptured.TYPE,
                    "{not json");
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), "engagement.captured.v9", valid);
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), EngagementCaptured.TYPE,
                    valid.replace("demo.requested", "demo.liked"));
            TestRecords.send(Topics.ENGAGEMENT, email, Map.of(), valid);
            // valid JSON and a valid event, but PostgreSQL's jsonb refuses \u0000 and an unpaired surrogate
            TestEngagements.send(TestEngagements.with(email, EngagementType.DEMO_REQUESTED, MORNING, Map.of("note", "a\u0000b")));
            // (the escape written out: a Java string's lone surrogate would be sent as UTF-8's "?")
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), EngagementCaptured.TYPE,
                    TestEngagements.json(TestEngagements.pageView(email, "https://example.com/", MORNING, Map.of("name", "LONE")))
                            .replace("LONE", "\\udd31"));

            // when a valid event follows on the same key
            TestEngagements.send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(60)));

            // then it is counted, and only it
            TestLeads.awaitScore(email, 3);

            // and each poison record is on the dead-letter topic with the reason
            List<ReceivedEvent> dead = deadLetters.awaitEvents(6, event -> email.equals(event.key()), Duration.ofSeconds(30));
            assertThat(dead).extracting(event -> event.headers().get("dead-letter-reason"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("not JSON"),
                            reason -> assertThat(reason).contains("unexpected event type engagement.captured.v9"),
                            reason -> assertThat(reason).contains("breaks its schema"),
                            reason -> assertThat(reason).contains("not a CloudEvent"),
                            reason -> assertThat(reason).contains("cannot be stored: properties.note holds a NUL character"),
                            reason -> assertThat(reason).contains("cannot be stored: traits.name holds an unpaired surrogate"));
        }
    }
}
