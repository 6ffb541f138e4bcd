package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffSlaBreached;
import io.leadflow.events.HandoffSlaReminder;
import io.leadflow.events.HandoffStatusChanged;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The SLA timer fires from the database alone: each handoff here is written straight into the
 * table, as an earlier instance (since stopped) left it, so this instance has never held it in
 * memory, just as after a restart.
 */
@QuarkusTest
class SlaTimerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void aHandoffLeftOverdueByAnEarlierInstanceIsBreachedAndEscalatedToTheQueuesNextRep() {
        // Given a handoff offered to ana from the default queue, its SLA lapsed while no instance ran
        Instant now = Instant.now();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            UUID id = insertOffered("ana", "default", now.minus(Duration.ofMinutes(5)), 0);

            // When the timer comes round, then the breach is announced, naming the rep it escalated to
            ReceivedEvent breach = handoffs.awaitEvents(1, about(id, HandoffSlaBreached.TYPE), WAIT).get(0);
            assertThat(EventSchemas.validate(HandoffSlaBreached.TYPE, breach.data())).isEmpty();
            assertThat(breach.data().get("assignee").asText()).isEqualTo("ana");
            String next = breach.data().get("escalatedTo").asText();
            assertThat(next).isIn("ben", "cleo");

            // and the reassignment, as a status change
            ReceivedEvent reassigned = handoffs.awaitEvents(1, about(id, HandoffStatusChanged.TYPE), WAIT).get(0);
            assertThat(EventSchemas.validate(HandoffStatusChanged.TYPE, reassigned.data())).isEmpty();
            assertThat(reassigned.data().get("status").asText()).isEqualTo("reassigned");
            assertThat(reassigned.data().get("previousAssignee").asText()).isEqualTo("ana");
            assertThat(reassigned.data().get("assignee").asText()).isEqualTo(next);
            assertThat(reassigned.data().get("actor").asText()).isEqualTo("sla-timer");

            // and the row holds the new owner with a new due time in the future, so it fires once
            Row row = row(id);
            assertThat(row.getString("assignee")).isEqualTo(next);
            assertThat(row.getOffsetDateTime("sla_due_at").toInstant()).isAfter(now);
            assertThat(row.getInteger("escalations")).isEqualTo(1);
            assertThat(handoffs.collectFor(Duration.ofSeconds(3)).stream().filter(about(id, HandoffSlaBreached.TYPE))).hasSize(1);
        }
    }

    @Test
    void aSecondBreachWithNoManagerToEscalateToIsAnnouncedAndStopsTheTimer() {
        // Given a handoff escalated once already, in a queue without a manager
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            UUID id = insertOffered("ben", "default", Instant.now().minus(Duration.ofMinutes(1)), 1);

            ReceivedEvent breach = handoffs.awaitEvents(1, about(id, HandoffSlaBreached.TYPE), WAIT).get(0);

            assertThat(breach.data().get("escalatedTo").isNull()).isTrue();
            assertThat(EventSchemas.validate(HandoffSlaBreached.TYPE, breach.data())).isEmpty();
            await().atMost(WAIT).untilAsserted(() -> assertThat(row(id).getOffsetDateTime("sla_breached_at")).isNotNull());
            assertThat(row(id).getString("assignee")).isEqualTo("ben");
        }
    }

    @Test
    void theAssigneeIsRemindedBeforeTheDueTimeAndAnAcceptedHandoffIsLeftAlone() {
        // Given a handoff due in an hour whose reminder time has come, and an accepted one long overdue
        Instant now = Instant.now();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            UUID remind = insertOffered("cleo", "default", now.plus(Duration.ofHours(1)), 0);
            UUID accepted = insertOffered("ana", "default", now.minus(Duration.ofHours(1)), 0, "ACCEPTED");

            // Then cleo is reminded once, and nothing fires for the accepted handoff
            ReceivedEvent reminder = handoffs.awaitEvents(1, about(remind, HandoffSlaReminder.TYPE), WAIT).get(0);
            assertThat(EventSchemas.validate(HandoffSlaReminder.TYPE, reminder.data())).isEmpty();
            assertThat(reminder.data().get("assignee").asText()).isEqualTo("cleo");
            List<ReceivedEvent> later = handoffs.collectFor(Duration.ofSeconds(3));
            assertThat(later.stream().filter(about(remind, HandoffSlaReminder.TYPE))).hasSize(1);
            assertThat(later.stream().filter(event -> accepted.toString().equals(event.data().path("handoffId").asText()))).isEmpty();
            assertThat(row(remind).getString("assignee")).isEqualTo("cleo");
        }
    }

    private UUID insertOffered(String assignee, String queue, Instant dueAt, int escalations) {
        return insertOffered(assignee, queue, dueAt, escalations, "OFFERED");
    }

    private UUID insertOffered(String assignee, String queue, Instant dueAt, int escalations, String status) {
        UUID id = UUID.randomUUID();
        Instant created = dueAt.minus(Duration.ofHours(4)).truncatedTo(ChronoUnit.MILLIS);
        String email = "sla-" + id + "@example.com";
        execute("""
                insert into handoff (id, lead_id, lead_key, email, score, assignee, rule_matched, queue, status, sla_due_at,
                    sla_remind_at, escalations, qualifying_event_id, top_contributions, created_at)
                values ($1, $2, $3, $4, 70, $5, 'default-round-robin', $6, $12, $7, $8, $9, $10, '[]', $11)""",
                Tuple.from(List.of(id, UUID.randomUUID(), email, email, assignee, queue, at(dueAt),
                        at(dueAt.minus(Duration.ofHours(2))), escalations, UUID.randomUUID().toString(), at(created), status)));
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from handoff where id = $1").execute(Tuple.of(id)).await().atMost(WAIT)
                .iterator().next();
    }

    private void execute(String sql, Tuple arguments) {
        pool.preparedQuery(sql).execute(arguments).await().atMost(WAIT);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Predicate<ReceivedEvent> about(UUID handoffId, String type) {
        return event -> type.equals(event.ceType()) && handoffId.toString().equals(event.data().path("handoffId").asText());
    }
}
