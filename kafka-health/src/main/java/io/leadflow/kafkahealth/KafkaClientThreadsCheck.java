package io.leadflow.kafkahealth;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN, for liveness and readiness, when a Kafka client thread of the service has died while its client is open
 * ({@link KafkaClientThreads}): the orchestrator stops sending it traffic and restarts it, which gives it new clients.
 */
@Liveness
@Readiness
@ApplicationScoped
public class KafkaClientThreadsCheck implements HealthCheck {

    static final String NAME = "kafka-client-threads";

    private final KafkaClientThreads clientThreads;

    @Inject
    public KafkaClientThreadsCheck(KafkaClientService clients) {
        this.clientThreads = new KafkaClientThreads(() -> consumerGroups(clients));
    }

    @Override
    public HealthCheckResponse call() {
        List<String> dead = clientThreads.dead();
        return HealthCheckResponse.named(NAME).status(dead.isEmpty())
                .withData("dead", dead.isEmpty() ? "none" : String.join(", ", dead)).build();
    }

    private static Set<String> consumerGroups(KafkaClientService clients) {
        return clients.getConsumerChannels().stream().flatMap(channel -> clients.getConsumers(channel).stream())
                .map(consumer -> consumer.configuration().get("group.id")).filter(Objects::nonNull).map(Object::toString)
                .collect(Collectors.toSet());
    }
}
