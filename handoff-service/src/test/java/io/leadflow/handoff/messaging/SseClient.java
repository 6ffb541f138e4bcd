package io.leadflow.handoff.messaging;

import io.leadflow.handoff.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A live-stream reader as a browser's EventSource would be: a real HTTP client that reads the
 * response line by line while it is open and parses the Server-Sent Events in it.
 */
public final class SseClient implements AutoCloseable {

    /** One event of the stream; {@code comment} for comment lines; {@code retry} the reconnect delay in ms, when sent. */
    public record Event(String name, String id, String data, String comment, Long retry) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile String contentType;
    private volatile HttpHeaders headers;

    /** An admin's client. */
    public SseClient(URI uri) {
        this(uri, null);
    }

    /** An admin's client reconnecting as EventSource does: {@code lastEventId} is the id of the last event it received. */
    public SseClient(URI uri, String lastEventId) {
        this(uri, Tokens.ADMIN, lastEventId);
    }

    /** A client sending {@code authorization} (an Authorization header value, as DevTokens.bearer makes). */
    public SseClient(URI uri, String authorization, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", authorization).GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            headers = answer.headers();
            contentType = answer.headers().firstValue("Content-Type").orElse("");
            read(answer.body());
        });
    }

    private void read(Stream<String> lines) {
        List<String> block = new ArrayList<>();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!block.isEmpty()) {
                    events.add(parse(block));
                    block.clear();
                }
            } else {
                block.add(line);
            }
        });
    }

    private static Event parse(List<String> block) {
        String name = null;
        String id = null;
        String comment = null;
        Long retry = null;
        StringBuilder data = null;
        for (String line : block) {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "" -> comment = value;
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "retry" -> retry = Long.valueOf(value);
                default -> {
                    // unknown fields do not matter here
                }
            }
        }
        return new Event(name, id, data == null ? null : data.toString(), comment, retry);
    }

    /** Waits for the opening comment, which the server sends once it is subscribed to live events. */
    public SseClient awaitOpen(Duration wait) {
        Awaitility.await().atMost(wait).until(() -> events.stream().anyMatch(event -> "connected".equals(event.comment())));
        return this;
    }

    public Event await(Predicate<Event> wanted, Duration wait) {
        Awaitility.await().atMost(wait).until(() -> events.stream().anyMatch(wanted));
        return events.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Every event so far, in the order received. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The id of the last event received with one, as EventSource keeps it for reconnecting; null before any. */
    public String lastEventId() {
        return events.stream().map(Event::id).filter(id -> id != null).reduce((first, second) -> second).orElse(null);
    }

    public String contentType() {
        return contentType;
    }

    /** A response header's value; empty before the response or without that header. */
    public Optional<String> header(String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
