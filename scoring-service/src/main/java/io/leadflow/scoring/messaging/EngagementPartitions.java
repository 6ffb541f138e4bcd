package io.leadflow.scoring.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The engagement partitions this instance owns, and the leads it keeps in memory for them ({@link KeptLeads}): a
 * partition revoked or lost takes its leads with it, since another instance now counts for them.
 */
@ApplicationScoped
@Identifier(EngagementPartitions.NAME)
class EngagementPartitions implements KafkaConsumerRebalanceListener {

    static final String NAME = "scoring-engagement-partitions";
    private static final Logger LOG = Logger.getLogger(EngagementPartitions.class);

    private final KeptLeads kept;

    EngagementPartitions(@ConfigProperty(name = "leadflow.scoring.kept-leads") long capacity) {
        this.kept = new KeptLeads(capacity);
    }

    KeptLeads kept() {
        return kept;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        kept.own(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            kept.forgetPartitions(partitions.stream().map(TopicPartition::partition).toList());
            LOG.debugf("partitions %s left this instance; %d leads still kept", partitions, kept.size());
        }
    }
}
