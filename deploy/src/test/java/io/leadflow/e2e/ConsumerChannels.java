package io.leadflow.e2e;

import io.leadflow.deploy.ApplicationProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The smallrye-kafka incoming channels of a service's application.properties, with the Kafka consumer settings each sets. */
final class ConsumerChannels {

    /** One incoming channel: the service, the channel's name and its Kafka consumer properties. */
    record Channel(String service, String name, Properties consumer) {

        @Override
        public String toString() {
            return service + " " + name;
        }
    }

    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Set<String> CONSUMER_KEYS = ConsumerConfig.configNames();

    private ConsumerChannels() {
    }

    /** The incoming channels of {@code module} (a service's folder), in the order of their names. */
    static List<Channel> of(Path module) {
        Properties config = ApplicationProperties.of(module);
        List<Channel> channels = new ArrayList<>();
        for (String key : new TreeSet<>(config.stringPropertyNames())) {
            Matcher connector = CONNECTOR.matcher(key);
            if (!connector.matches() || !"smallrye-kafka".equals(config.getProperty(key))) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + connector.group(1) + ".";
            Properties consumer = new Properties();
            // the shared kafka.* defaults first, then what the channel sets itself (SmallRye's precedence)
            copyConsumerSettings(config, "kafka.", consumer);
            copyConsumerSettings(config, prefix, consumer);
            channels.add(new Channel(module.getFileName().toString(), connector.group(1), consumer));
        }
        return channels;
    }

    // the Kafka consumer settings named under prefix, without it
    private static void copyConsumerSettings(Properties config, String prefix, Properties consumer) {
        for (String name : config.stringPropertyNames()) {
            if (name.startsWith(prefix) && CONSUMER_KEYS.contains(name.substring(prefix.length()))) {
                consumer.setProperty(name.substring(prefix.length()), config.getProperty(name));
            }
        }
    }
}
