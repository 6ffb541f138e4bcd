package io.leadflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.capture.config.SchemaEmailFormat;
import io.leadflow.capture.domain.Attribution;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.capture.domain.OutgoingEvent;
import io.leadflow.capture.domain.StorableEvents;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.StorableText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** What the fuzz targets share: the service's JSON, its rules, and what "on the topic" means. */
public final class OnTheWire {

    /** Configured like the service's mapper (Quarkus' defaults), which the Kafka serializer uses too. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static final IdentityRules RULES = new IdentityRules(new SchemaEmailFormat());
    /** A fixed "now", so that a finding replays the same way on any day. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private OnTheWire() {
    }

    /**
     * The event written as the producer writes it (attributed, then ObjectMapperSerializer: Jackson to UTF-8 bytes)
     * and read back meets its type's schema and holds only text that PostgreSQL keeps: what consumers would find on
     * the topic, and could store.
     */
    public static void assertFitForTheTopic(OutgoingEvent event) throws IOException {
        byte[] written = JSON.writeValueAsBytes(Attribution.asWritten(event).data());
        JsonNode read = JSON.readTree(written);
        assertThat(EventSchemas.validate(event.ceType(), read))
                .as("%s written as %s", event.ceType(), new String(written, StandardCharsets.UTF_8))
                .isEmpty();
        assertThat(StorableText.flaw("data", read))
                .as("%s written as %s", event.ceType(), new String(written, StandardCharsets.UTF_8))
                .isEmpty();
    }

    /**
     * What AcknowledgedCapture publishes of a request's mapped events: all of them, or none when one holds text that
     * cannot be stored (a 400).
     */
    public static <E extends OutgoingEvent> List<E> published(List<E> events) {
        return StorableEvents.errors(events).isEmpty() ? events : List.of();
    }

    /** The seeds of a fuzz target (seed-*; crash-* are findings kept as regressions). */
    public static List<byte[]> seeds(Class<?> test, String method) {
        try (Stream<Path> files = Files.list(Path.of(test.getResource(test.getSimpleName() + "Inputs/" + method).toURI()))) {
            return files.filter(file -> file.getFileName().toString().startsWith("seed-")).sorted().map(OnTheWire::bytes).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
