package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Old handoff events are deleted unless a webhook still has to deliver them. */
@QuarkusTest
class HandoffEventRetentionTest {

    @Inject
    Pool pool;

    @Inject
    HandoffEventRetention retention;

    @Test
    void eventsPastRetentionGoExceptThoseAWebhookStillHasToDeliver() {
        // Given two events older than the retention, one still owed to a webhook, and a recent one
        Instant old = Instant.now().minus(Duration.ofDays(8));
        String delivered = insertEvent(old);
        String owed = insertEvent(old);
        String recent = insertEvent(Instant.now());
        UUID subscription = UUID.randomUUID();
        execute("insert into webhook_subscription (id, url, filter, secrets, created_at, updated_at)"
                + " values ($1, 'http://127.0.0.1:9/hook', '{}', '{\"secrets\": []}', now(), now())", Tuple.of(subscription));
        execute("insert into webhook_delivery (id, subscription_id, event_id, status, attempts, next_attempt_at, created_at)"
                + " values ($1, $2, $3, 'PENDING', 3, now() + interval '1 day', now())", Tuple.of(UUID.randomUUID(), subscription, owed));

        // When retention runs
        retention.prune().await().atMost(Duration.ofSeconds(10));

        // Then only the old event nobody waits for is gone
        assertThat(exists(delivered)).isFalse();
        assertThat(exists(owed)).isTrue();
        assertThat(exists(recent)).isTrue();
        execute("delete from webhook_subscription where id = $1", Tuple.of(subscription));
    }

    private String insertEvent(Instant at) {
        String id = UUID.randomUUID().toString();
        execute("insert into handoff_event (event_id, lead_key, type, audience, data, created_at)"
                + " values ($1, 'retention@example.com', 'handoff.created.v1', '{\"reps\": []}', '{}', $2)",
                Tuple.of(id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)));
        return id;
    }

    private boolean exists(String eventId) {
        return pool.preparedQuery("select 1 from handoff_event where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    private void execute(String sql, Tuple values) {
        pool.preparedQuery(sql).execute(values).await().atMost(Duration.ofSeconds(10));
    }
}
