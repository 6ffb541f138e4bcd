package io.leadflow.kafkaops;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retries of dead letters, in the service's own schema ({@code dead_letter_retry}, kafka-ops' migration): the
 * primary key lets a record be retried once, whoever asks and however many ask at once. Called from worker
 * threads, which may wait for the database.
 */
@ApplicationScoped
public class DeadLetterRetries {

    private final Pool database;

    public DeadLetterRetries(Pool database) {
        this.database = database;
    }

    /** The retries among the given records of the topic, by partition and offset. */
    public Map<String, RetryMark> of(String topic, List<Long> offsets) {
        Map<String, RetryMark> marks = new HashMap<>();
        if (offsets.isEmpty()) {
            return marks;
        }
        database.preparedQuery("select dlq_partition, dlq_offset, retried_by, retried_at from dead_letter_retry "
                        + "where topic = $1 and dlq_offset = any($2)")
                .execute(Tuple.of(topic, offsets.toArray(Long[]::new)))
                .await().atMost(KafkaOpsClients.TIMEOUT)
                .forEach(row -> marks.put(key(row.getInteger("dlq_partition"), row.getLong("dlq_offset")), mark(row)));
        return marks;
    }

    /** Records that the operator retries the record now; empty when it was retried already (see {@link #find}). */
    public Optional<RetryMark> mark(String topic, int partition, long offset, String originalTopic, String by) {
        var inserted = database.preparedQuery("insert into dead_letter_retry (topic, dlq_partition, dlq_offset, original_topic, "
                        + "retried_by) values ($1, $2, $3, $4, $5) on conflict do nothing returning retried_by, retried_at")
                .execute(Tuple.of(topic, partition, offset, originalTopic, by))
                .await().atMost(KafkaOpsClients.TIMEOUT);
        return inserted.rowCount() == 0 ? Optional.empty() : Optional.of(mark(inserted.iterator().next()));
    }

    public Optional<RetryMark> find(String topic, int partition, long offset) {
        var found = database.preparedQuery("select retried_by, retried_at from dead_letter_retry "
                        + "where topic = $1 and dlq_partition = $2 and dlq_offset = $3")
                .execute(Tuple.of(topic, partition, offset))
                .await().atMost(KafkaOpsClients.TIMEOUT);
        return found.rowCount() == 0 ? Optional.empty() : Optional.of(mark(found.iterator().next()));
    }

    /** Takes back a retry whose record could not be re-published, so it may be retried again. */
    public void unmark(String topic, int partition, long offset) {
        database.preparedQuery("delete from dead_letter_retry where topic = $1 and dlq_partition = $2 and dlq_offset = $3")
                .execute(Tuple.of(topic, partition, offset))
                .await().atMost(KafkaOpsClients.TIMEOUT);
    }

    static String key(int partition, long offset) {
        return partition + "@" + offset;
    }

    private static RetryMark mark(Row row) {
        return new RetryMark(row.getString("retried_by"), row.getOffsetDateTime("retried_at").toInstant());
    }
}
