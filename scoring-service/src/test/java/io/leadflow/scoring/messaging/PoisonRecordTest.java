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
            // given a lead whose partition receives three records that can never be processed
            String email = TestEngagements.uniqueEmail("mallory");
            String valid = TestEngagements.json(TestEngagements.of(email, EngagementType.DEMO_REQUESTED, MORNING));
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), EngagementCaptured.TYPE,
                    "{not json");
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), "engagement.captured.v9", valid);
            TestRecords.sendCloudEvent(Topics.ENGAGEMENT, email, UUID.randomUUID().toString(), EngagementCaptured.TYPE,
                    valid.replace("demo.requested", "demo.liked"));
            TestRecords.send(Topics.ENGAGEMENT, email, Map.of(), valid);

            // when a valid event follows on the same key
            TestEngagements.send(TestEngagements.of(email, EngagementType.EMAIL_OPENED, MORNING.plusSeconds(60)));

            // then it is counted, and only it
            TestLeads.awaitScore(email, 3);

            // and each poison record is on the dead-letter topic with the reason
            List<ReceivedEvent> dead = deadLetters.awaitEvents(4, event -> email.equals(event.key()), Duration.ofSeconds(30));
            assertThat(dead).extracting(event -> event.headers().get("dead-letter-reason"))
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("not JSON"),
                            reason -> assertThat(reason).contains("unexpected event type engagement.captured.v9"),
                            reason -> assertThat(reason).contains("breaks its schema"),
                            reason -> assertThat(reason).contains("not a CloudEvent"));
        }
    }
}
