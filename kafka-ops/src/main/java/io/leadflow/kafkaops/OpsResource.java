package io.leadflow.kafkaops;

import io.leadflow.apisecurity.CallerSubject;
import io.leadflow.apisecurity.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The operators' view of this service's Kafka channels (docs/console.md, Operations): consumer lag per incoming
 * channel, its dead-letter topics with their latest records, and the retry of a dead letter. Role admin. Each call
 * asks the broker, so it runs on a worker thread.
 */
@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Blocking
public class OpsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final OpsChannels channels;
    private final ConsumerLagReader lag;
    private final KafkaOpsClients clients;
    private final DeadLetterReader reader;
    private final DeadLetterRetries retries;
    private final DeadLetterRetry retry;
    private final SmallRyeHealthReporter health;

    public OpsResource(OpsChannels channels, ConsumerLagReader lag, KafkaOpsClients clients, DeadLetterReader reader,
            DeadLetterRetries retries, DeadLetterRetry retry, SmallRyeHealthReporter health) {
        this.channels = channels;
        this.lag = lag;
        this.clients = clients;
        this.reader = reader;
        this.retries = retries;
        this.retry = retry;
        this.health = health;
    }

    /** Every incoming channel: its topic, consumer group, and per partition the committed offset, the end and the lag. */
    public record Consumers(List<ChannelLag> channels, long totalLag) {
    }

    /** Every dead-letter topic, with its count and latest records. */
    public record DeadLetters(List<DeadLetterTopicView> topics) {
    }

    /**
     * The service's readiness and its checks, as its readiness probe sees them: {@code /q/health/ready} is served on
     * the management port, which neither browsers nor the ingress reach (docs/security.md, "Management port").
     */
    @GET
    @Path("/readiness")
    public String readiness() {
        return health.getReadiness().getPayload().toString();
    }

    @GET
    @Path("/consumers")
    public Consumers consumers() {
        List<ChannelLag> lags = channels.consumed().stream().map(lag::lag).toList();
        return new Consumers(lags, lags.stream().mapToLong(ChannelLag::totalLag).sum());
    }

    @GET
    @Path("/dead-letters")
    public DeadLetters deadLetters(@QueryParam("limit") String limit) {
        int latest = limit(limit);
        return new DeadLetters(channels.deadLetterTopics().stream().map(topic -> view(topic, latest)).toList());
    }

    @POST
    @Path("/dead-letters/{topic}/{partition}/{offset}/retry")
    public RetryResult retry(@PathParam("topic") String topic, @PathParam("partition") int partition,
            @PathParam("offset") long offset, @Context SecurityContext caller) {
        return retry.retry(topic, partition, offset, CallerSubject.of(caller.getUserPrincipal()));
    }

    private DeadLetterTopicView view(DeadLetterTopic topic, int latest) {
        List<PartitionRange> ranges = clients.ranges(topic.topic());
        List<ConsumerRecord<byte[], byte[]>> records = reader.latest(topic.topic(), ranges, latest);
        Map<String, RetryMark> retried = retries.of(topic.topic(), records.stream().map(ConsumerRecord::offset).toList());
        List<DeadLetter> letters = records.stream()
                .map(record -> DeadLetter.of(record.partition(), record.offset(), record.timestamp(), record.key(), record.value(),
                        StreamSupport.stream(record.headers().spliterator(), false)
                                .map(header -> Map.entry(header.key(), header.value() == null ? new byte[0] : header.value()))
                                .toList(),
                        retried.get(DeadLetterRetries.key(record.partition(), record.offset()))))
                .toList();
        return new DeadLetterTopicView(topic.topic(), topic.channel(), ranges.stream().mapToLong(PartitionRange::count).sum(), letters);
    }

    private static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(requested.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as out of range
        }
        throw OpsRefusal.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
