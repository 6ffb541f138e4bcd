package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Stored handoff events are numbered in the order their transactions commit, which streams resume by. */
@QuarkusTest
class HandoffEventLogTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    HandoffEventLog log;

    @Test
    void anEventInsertedFirstButCommittedLastComesLast() {
        SqlConnection slow = pool.getConnection().await().atMost(WAIT);
        SqlConnection quick = pool.getConnection().await().atMost(WAIT);
        try {
            // Given an event inserted in a transaction still open
            Transaction slowTx = slow.begin().await().atMost(WAIT);
            String first = insert(slow);
            assertThat(position(quick, first)).as("not visible before commit").isNull();

            // When another is inserted and committed meanwhile, and only then the first commits
            Transaction quickTx = quick.begin().await().atMost(WAIT);
            String second = insert(quick);
            quickTx.commit().await().atMost(WAIT);
            slowTx.commit().await().atMost(WAIT);

            // Then the one committed first has the smaller position, and the last given is recorded
            long secondAt = position(quick, second);
            long firstAt = position(quick, first);
            assertThat(secondAt).isLessThan(firstAt);
            assertThat(log.marks().await().atMost(WAIT).issued()).isGreaterThanOrEqualTo(firstAt);
            assertThat(log.after(secondAt - 1, 10).await().atMost(WAIT)).extracting(StreamedEvent::id).startsWith(second, first);
        } finally {
            slow.closeAndAwait();
            quick.closeAndAwait();
        }
    }

    private static String insert(SqlConnection connection) {
        String id = UUID.randomUUID().toString();
        connection.preparedQuery("insert into handoff_event (event_id, lead_key, type, audience, data, created_at)"
                + " values ($1, 'order@example.com', 'handoff.created.v1', '{\"eventType\": \"handoff.created.v1\", \"reps\": [\"nobody\"]}', '{}', now())")
                .execute(Tuple.of(id)).await().atMost(WAIT);
        return id;
    }

    private static Long position(SqlConnection connection, String eventId) {
        var rows = connection.preparedQuery("select position from handoff_event where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(WAIT);
        return rows.size() == 0 ? null : rows.iterator().next().getLong("position");
    }
}
