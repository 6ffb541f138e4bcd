package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.testsupport.KafkaTopics;
import io.leadflow.testsupport.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The fault suite's own instruments, on a real broker: a rewind must really make records come again. */
class BrokerViewIT {

    @Test
    void rewindingAGroupTenMinutesDeliversWhatItHadReadAgainAndLagShowsIt() {
        String bootstrap = SharedKafka.bootstrapServers();
        String topic = "rewind-" + UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        KafkaTopics.ensure(bootstrap, List.of(topic));
        BrokerView kafka = new BrokerView(bootstrap);
        List<BrokerView.Stored> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(new BrokerView.Stored("lead-" + i, Map.of(), "{\"n\":" + i + "}"));
        }
        kafka.write(topic, records);

        // Given a group that read and committed everything
        assertThat(consumeAll(bootstrap, topic, group)).isEqualTo(12);
        assertThat(kafka.lag(group, Set.of(topic))).isZero();

        // When it is rewound to 10 minutes ago
        BrokerView.Rewound rewound = kafka.rewind(group, topic, Instant.now().minus(Duration.ofMinutes(10)));

        // Then all 12 come again
        assertThat(rewound.records()).isEqualTo(12);
        assertThat(kafka.lag(group, Set.of(topic))).isEqualTo(12);
        assertThat(consumeAll(bootstrap, topic, group)).isEqualTo(12);
        assertThat(kafka.readAll(topic)).hasSize(12);
    }

    private static int consumeAll(String bootstrap, String topic, String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < 12 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync();
        }
        return read;
    }
}
