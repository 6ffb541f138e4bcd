package io.leadflow.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.txmessaging.ProcessedEventRetention;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Processed ids are kept as long as a redelivery can arrive: their channel's topic retention and a margin. */
@QuarkusTest
class ProcessedIdRetentionTest {

    @Inject
    Pool pool;

    @Inject
    ProcessedEventRetention retention;

    @Test
    void engagementIdsGoAfterEightDaysAndSalesFeedbackIdsStayUntilThirtyOne() {
        // given ids processed 9 days ago and 7 days ago on each channel, and one 32 days ago on sales-feedback
        String oldEngagement = processed("engagement", Duration.ofDays(9));
        String recentEngagement = processed("engagement", Duration.ofDays(7));
        String oldFeedback = processed("sales-feedback", Duration.ofDays(9));
        String expiredFeedback = processed("sales-feedback", Duration.ofDays(32));
        String unknownChannel = processed(null, Duration.ofDays(9));

        // when the retention sweeps
        retention.sweep().await().indefinitely();

        // then only the engagement id past its topic's 7 days (plus a day) and the feedback id past 31 days are gone
        assertThat(remaining(List.of(oldEngagement, recentEngagement, oldFeedback, expiredFeedback, unknownChannel)))
                .containsExactlyInAnyOrder(recentEngagement, oldFeedback, unknownChannel);
    }

    @Test
    void aSweepDeletesInBoundedChunksUntilNothingOldIsLeft() {
        // given more old engagement ids than one chunk deletes (the test profile's chunk is 100)
        List<String> old = java.util.stream.IntStream.range(0, 250).mapToObj(i -> processed("engagement", Duration.ofDays(10))).toList();

        // when the retention sweeps once
        long swept = retention.sweep().await().indefinitely();

        // then all of them went, in several statements
        assertThat(swept).isGreaterThanOrEqualTo(250);
        assertThat(remaining(old)).isEmpty();
    }

    private String processed(String channel, Duration ago) {
        String id = UUID.randomUUID().toString();
        pool.preparedQuery("insert into processed_event (event_id, processed_at, channel) values ($1, $2, $3)")
                .execute(Tuple.of(id, OffsetDateTime.now(ZoneOffset.UTC).minus(ago), channel))
                .await().indefinitely();
        return id;
    }

    private List<String> remaining(List<String> ids) {
        return pool.preparedQuery("select event_id from processed_event where event_id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                .await().indefinitely().stream().map(row -> row.getString(0)).toList();
    }
}
