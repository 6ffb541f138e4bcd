package io.leadflow.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Posts to capture-service's {@code /v1/events} with the JDK HTTP client (HTTP/1.1, a pooled
 * connection per request in flight). The write key always travels as HTTP Basic user with an empty
 * password, as Segment's API takes it; a capture that does not check keys yet ignores it.
 */
public final class CaptureClient implements Sender, AutoCloseable {

    private final HttpClient http;
    private final ExecutorService executor;
    private final URI events;
    private final String authorization;

    public CaptureClient(String baseUrl, String writeKey) {
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "capture-client");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.events = URI.create(baseUrl + "/v1/events");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<Boolean> send(Request request) {
        HttpRequest post = HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                .build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() / 100 == 2)
                .exceptionally(failure -> false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
