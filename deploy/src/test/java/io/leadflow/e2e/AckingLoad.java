package io.leadflow.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load client that keeps the promise a real integration would: it remembers every event id
 * capture-service acknowledged (2xx) and resends each one that was not acknowledged, with the same
 * id, until it is. Events are about a fixed set of leads, a few of them very active, with traits
 * that give them a good fit, so that some qualify and are handed off while faults happen.
 */
final class AckingLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_IN_FLIGHT = 32;
    private static final int TICKS_PER_SECOND = 20;
    /** Engagement types by share of the traffic: many views and opens, few trials and demo requests. */
    private static final List<Map.Entry<String, Integer>> MIX = List.of(
            Map.entry("page.viewed", 35), Map.entry("email.opened", 20), Map.entry("content.downloaded", 30),
            Map.entry("trial.started", 8), Map.entry("demo.requested", 7));

    /** One event as sent, so that a retry or a duplicate sends exactly the same thing. */
    record Sent(String eventId, String email, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI eventsUrl;
    private final List<String> emails;
    private final double ratePerSecond;
    private final Random random = new Random(42);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sent> unacknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean generating = new AtomicBoolean(true);
    private double owed;

    AckingLoad(String captureUrl, List<String> emails, double ratePerSecond) {
        this.eventsUrl = URI.create(captureUrl + "/v1/events");
        this.emails = List.copyOf(emails);
        this.ratePerSecond = ratePerSecond;
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    /** Stops making new events; retries of unacknowledged ones go on. */
    void stopGenerating() {
        generating.set(false);
    }

    /** Waits until every event sent has been acknowledged; false if some still were not at the deadline. */
    boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (unacknowledged.isEmpty() && inFlight.availablePermits() == MAX_IN_FLIGHT) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }

    /**
     * Sends acknowledged events again, each 1 to {@code maxCopies} times, as a client that lost the
     * answers would; returns how many duplicates were sent.
     */
    int resendAcknowledged(int maxCopies) {
        int copies = 0;
        for (Sent sent : new ArrayList<>(acknowledged.values())) {
            int times = 1 + random.nextInt(maxCopies);
            for (int i = 0; i < times; i++) {
                unacknowledged.add(sent);
                copies++;
            }
        }
        return copies;
    }

    Map<String, Sent> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> acknowledgedIds() {
        return Set.copyOf(acknowledged.keySet());
    }

    /** How often each answer came: HTTP status codes, and "error" for no answer (connection refused, timeout). */
    Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    /** Valid events capture refused for good (a 4xx other than 429): there should be none. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    int answered(String answer) {
        return answers.getOrDefault(answer, 0);
    }

    private synchronized void tick() {
        if (generating.get()) {
            owed += ratePerSecond / TICKS_PER_SECOND;
            while (owed >= 1) {
                owed--;
                unacknowledged.add(newEvent());
            }
        }
        Sent next;
        while (inFlight.tryAcquire()) {
            next = unacknowledged.poll();
            if (next == null) {
                inFlight.release();
                return;
            }
            send(next);
        }
    }

    private void send(Sent event) {
        HttpRequest request = HttpRequest.newBuilder(eventsUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            try {
                String answer = failure != null ? "error" : String.valueOf(response.statusCode());
                answers.merge(answer, 1, Integer::sum);
                if (failure == null && response.statusCode() / 100 == 2) {
                    acknowledged.putIfAbsent(event.eventId(), event);
                } else if (failure != null || response.statusCode() == 429 || response.statusCode() >= 500) {
                    unacknowledged.add(event);
                } else {
                    refused.add(response.statusCode() + " " + event.body());
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private Sent newEvent() {
        String email = emails.get(skewedLead());
        String type = pickType();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> properties = type.equals("page.viewed")
                ? Map.of("url", "https://example.com/" + (random.nextInt(4) == 0 ? "pricing" : "features"))
                : Map.of("campaign", "chaos");
        Map<String, Object> event = Map.of(
                "eventId", eventId,
                "type", type,
                "email", email,
                "occurredAt", Instant.now().toString(),
                "properties", properties,
                "traits", Map.of("company", "Analytical Engines", "jobTitle", "VP Engineering", "companySize", 250,
                        "industry", "software", "country", "GB"));
        try {
            return new Sent(eventId, email, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lead index where low indexes are much more likely: a few very active leads, a long tail. */
    private int skewedLead() {
        double u = random.nextDouble();
        return (int) Math.min(emails.size() - 1, Math.floor(emails.size() * u * u));
    }

    private String pickType() {
        int roll = random.nextInt(100);
        for (Map.Entry<String, Integer> share : MIX) {
            roll -= share.getValue();
            if (roll < 0) {
                return share.getKey();
            }
        }
        throw new IllegalStateException("the mix adds up to less than 100");
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
