package io.leadflow.localinfra;

import io.leadflow.events.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics that do not exist yet, with the contract's cleanup policy ({@link Topics#cleanup}), as Strimzi's
 * KafkaTopic resources do in a cluster, so a service's first record never waits for auto-creation and a consumer never
 * waits to discover it. A topic that exists keeps its config.
 * Usage: {@code EnsureTopics <bootstrapServers> <partitions> <topic>...}.
 */
public final class EnsureTopics {

    private EnsureTopics() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException, TimeoutException {
        if (args.length < 3) {
            System.err.println("usage: EnsureTopics <bootstrapServers> <partitions> <topic>...");
            System.exit(2);
        }
        int partitions = Integer.parseInt(args[1]);
        List<String> wanted = Arrays.asList(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1).configs(Topics.cleanup(topic)))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            if (!missing.isEmpty()) {
                System.out.println("created topics " + missing.stream().map(NewTopic::name).toList());
            }
        }
    }
}
