package io.leadflow.kafkahealth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The Kafka client threads of this JVM that died while their client is open. Kafka registers an {@code app-info} MBean
 * per open producer and admin client (removed when the client is closed) and names each client's thread after it:
 * {@code kafka-producer-network-thread | <client.id>}, {@code kafka-admin-client-thread | <client.id>}; a consumer of
 * the classic group protocol heartbeats from {@code kafka-coordinator-heartbeat-thread | <group.id>}. An error no
 * one catches (an OutOfMemoryError, say) ends such a thread and leaves the client open and useless: its producer's
 * sends time out, its consumer leaves the group, and nothing else in the process says so.
 */
public final class KafkaClientThreads {

    static final String PRODUCER_THREAD = "kafka-producer-network-thread | ";
    static final String ADMIN_THREAD = "kafka-admin-client-thread | ";
    static final String HEARTBEAT_THREAD = "kafka-coordinator-heartbeat-thread | ";

    private final MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ClientThreadWatch watch = new ClientThreadWatch();
    private final Supplier<Set<String>> consumerGroups;

    /** @param consumerGroups the group ids of the consumers open now */
    public KafkaClientThreads(Supplier<Set<String>> consumerGroups) {
        this.consumerGroups = consumerGroups;
    }

    /** The names of the client threads that died while their client is open; empty when all is well. */
    public List<String> dead() {
        return watch.dead(expected(), alive());
    }

    /** The threads the clients open now run. */
    Set<String> expected() {
        Set<String> expected = new HashSet<>();
        clientIds("kafka.producer").forEach(id -> expected.add(PRODUCER_THREAD + id));
        clientIds("kafka.admin.client").forEach(id -> expected.add(ADMIN_THREAD + id));
        consumerGroups.get().forEach(group -> expected.add(HEARTBEAT_THREAD + group));
        return expected;
    }

    private Set<String> alive() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds(), 0)).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadName).collect(Collectors.toSet());
    }

    private Set<String> clientIds(String domain) {
        try {
            return mbeans.queryNames(new ObjectName(domain + ":type=app-info,id=*"), null).stream()
                    .map(name -> ObjectName.unquote(quoted(name.getKeyProperty("id")))).collect(Collectors.toSet());
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    // Kafka quotes a client id with characters an ObjectName value may not hold (Sanitizer); unquote wants quotes
    private static String quoted(String id) {
        return id.startsWith("\"") ? id : "\"" + id + "\"";
    }
}
