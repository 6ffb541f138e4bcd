package io.leadflow.handoff.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.leadflow.webhooks.StandardWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A sales tool's webhook endpoint: a real HTTP server that records each request and answers as told. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: its headers (names in any case) and the raw body bytes. */
    record Received(Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String contentType() {
            return header("Content-Type");
        }

        /** Whether a receiver holding {@code secret} accepts it, checked with the Standard Webhooks library. */
        boolean verifiesWith(String secret) {
            return verifiesWith(secret, body);
        }

        /** Whether these headers verify {@code otherBody} under {@code secret}: a tampered copy must not. */
        boolean verifiesWith(String secret, byte[] otherBody) {
            return StandardWebhooks.verifies(headers, otherBody, secret);
        }

        /** How many {@code v1,} signatures it carries: one per live secret. */
        int signatureCount() {
            return header(StandardWebhooks.SIGNATURE_HEADER).split(" ").length;
        }

        JsonNode json() {
            return Json.read(new String(body, StandardCharsets.UTF_8));
        }

        String handoffId() {
            return json().path("data").path("handoffId").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers;
    private final int lastAnswer;
    private final String host;

    private WebhookReceiver(String host, int... answers) throws IOException {
        this.host = host;
        this.answers = new ArrayDeque<>();
        for (int answer : answers) {
            this.answers.add(answer);
        }
        this.lastAnswer = answers[answers.length - 1];
        server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
                received.add(new Received(headers, in.readAllBytes()));
            }
            exchange.sendResponseHeaders(nextAnswer(), -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver answering these statuses in turn, then the last one for ever. */
    static WebhookReceiver answering(int... answers) {
        return listening("127.0.0.1", answers);
    }

    /** A receiver on another address of this machine (127.0.0.2: loopback, but not allow-listed). */
    static WebhookReceiver listening(String host, int... answers) {
        try {
            return new WebhookReceiver(host, answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/hook";
    }

    /** How many requests arrived in all. */
    int count() {
        return received.size();
    }

    /** Waits until {@code count} requests about handoff {@code handoffId} arrived, and answers them. */
    List<Received> await(String handoffId, int count, Duration wait) {
        Predicate<Received> about = request -> handoffId.equals(request.handoffId());
        Awaitility.await().atMost(wait).until(() -> received.stream().filter(about).count() >= count);
        return received.stream().filter(about).toList();
    }

    /** Every request that arrived so far. */
    List<Received> all() {
        return List.copyOf(received);
    }

    List<Received> about(String handoffId) {
        return received.stream().filter(request -> handoffId.equals(request.handoffId())).toList();
    }

    private synchronized int nextAnswer() {
        Integer next = answers.poll();
        return next == null ? lastAnswer : next;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
