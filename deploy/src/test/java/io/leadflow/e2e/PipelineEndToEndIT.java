package io.leadflow.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One lead's journey through the four packaged services, each its own process, on one real broker
 * and one real database: from an email open to a demo-request form, to a handoff event on
 * {@code leadflow.handoffs.v1} and a signed webhook call standing in for the CRM.
 */
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    /** Sign-in for the management and sales APIs: an admin may read and act on every handoff (docs/security.md). */
    private static final String ADMIN = DevTokens.bearer("e2e-admin", "admin");

    private static LeadflowStack stack;

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        stack = LeadflowStack.start(root, root.resolve("deploy/target/e2e-logs"));
        stack.webhook().stubFor(post(urlEqualTo("/crm/leads"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"crm-lead-1\"}")));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void demoRequestAfterAJourneyIsHandedToSalesAndSyncedToTheCrm() throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        String firstEventId = UUID.randomUUID().toString();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given a lead who opened an email and browsed the site, the pricing page last,
            // when the lead requests a demo through the web form
            long posted = postJourney(email, firstEventId);

            // Then one handoff event reaches sales, valid against the published schema
            List<ReceivedEvent> handed = handoffs.awaitEvents(1, event -> isFor(event, email), PIPELINE_TIMEOUT);
            long latencyMs = Duration.ofNanos(System.nanoTime() - posted).toMillis();
            System.out.printf("%nEnd-to-end latency (demo-request form POST -> handoff.created.v1 readable): %d ms%n%n", latencyMs);
            ReceivedEvent handoff = handed.get(0);
            assertThat(handoff.ceType()).isEqualTo(HandoffCreated.TYPE);
            assertThat(handoff.key()).isEqualTo(email);
            assertThat(EventSchemas.validate(HandoffCreated.TYPE, handoff.data())).isEmpty();
            assertThat(handoff.data().get("assignee").asText()).isNotBlank();
            assertThat(handoff.data().get("topContributions")).isNotEmpty();

            // And the CRM webhook got one signed upsert for that handoff
            LoggedRequest crmCall = awaitWebhookCall(email);
            assertThat(crmCall.getHeader("Idempotency-Key")).isEqualTo(handoff.data().get("handoffId").asText());
            assertThat(signatureIsValid(crmCall)).as("webhook signature verifies with the shared secret").isTrue();

            // And scoring explains the score with ledger entries that add up to it
            JsonNode lead = getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email));
            assertThat(lead.get("stage").asText()).isEqualTo("MQL");
            int score = lead.get("score").asInt();
            assertThat(sumOfLedger(lead)).isEqualTo(score);

            // And handoff-service lists the lead's one handoff
            JsonNode listed = getJson(stack.url("handoff-service") + "/v1/handoffs?email=" + encode(email));
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("id").asText()).isEqualTo(handoff.data().get("handoffId").asText());

            // When the first event is posted again with its id, then another new event
            postEvent(firstEventId, "email.opened", email, Map.of("campaign", "autumn-launch"));
            postEvent(UUID.randomUUID().toString(), "content.downloaded", email, Map.of("contentId", "whitepaper-1"));

            // Then only the new event counts: the duplicate, delivered before it on the lead's partition, added nothing,
            // and there is still one handoff and one CRM call
            JsonNode after = await().atMost(PIPELINE_TIMEOUT).until(
                    () -> getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email)),
                    current -> pointsOf(current, "content.downloaded") != 0);
            assertThat(pointsOf(after, "email.opened")).isEqualTo(pointsOf(lead, "email.opened"));
            assertThat(after.get("score").asInt()).isEqualTo(score + pointsOf(after, "content.downloaded"));
            assertThat(handoffs.collectFor(Duration.ofSeconds(2)).stream().filter(event -> isFor(event, email))).hasSize(1);
            stack.webhook().verify(1, postRequestedFor(urlEqualTo("/crm/leads")).withHeader("Idempotency-Key",
                    equalTo(handoff.data().get("handoffId").asText())));
        }
    }

    @Test
    void aMultiTouchJourneyMakesItsFirstTouchTheSourceSalesReportsOn() throws Exception {
        String email = "joan-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given a lead who found the blog through an organic search, came back through a newsletter,
            // then through a paid search ad, and requested a demo
            postEvent(UUID.randomUUID().toString(), "page.viewed", email,
                    Map.of("url", "https://example.com/blog/lead-scoring", "referrer", "https://www.google.com/"));
            postEvent(UUID.randomUUID().toString(), "email.clicked", email, Map.of("campaign", "autumn-newsletter"));
            postEvent(UUID.randomUUID().toString(), "page.viewed", email,
                    Map.of("url", "https://example.com/pricing?utm_source=google&utm_medium=cpc&utm_campaign=brand"));
            HttpResponse<String> form = postForm("/v1/forms/demo-request", Map.of(
                    "email", email, "first_name", "Joan", "company", "Analytical Engines", "job_title", "VP Engineering"));
            assertThat(form.statusCode()).as(form.body()).isEqualTo(303);

            // Then capture classified each touch, and scoring keeps the first and the last as the lead's sources
            JsonNode lead = awaitLead(email, current -> "MQL".equals(current.get("stage").asText()));
            assertThat(lead.get("traits").get("firstTouchChannel").asText()).isEqualTo("organic-search");
            assertThat(lead.get("traits").get("lastTouchChannel").asText()).isEqualTo("paid-search");

            // And its handoff counts under its first touch in the outcomes report by source (the only lead of
            // this run found by a search: the other tests' journeys start with an email)
            handoffs.awaitEvents(1, event -> isFor(event, email) && isCreated(event), PIPELINE_TIMEOUT);
            JsonNode bySource = getJson(stack.url("handoff-service") + "/v1/reports/outcomes").get("bySource");
            assertThat(bySource.findValuesAsText("key")).contains("organic-search");
            for (JsonNode source : bySource) {
                if ("organic-search".equals(source.get("key").asText())) {
                    assertThat(source.get("handoffs").asLong()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aRecycledLeadThatEngagesAgainIsHandedToSalesAnew() throws Exception {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given a lead handed to sales, whom the rep sends back to nurture
            postJourney(email, UUID.randomUUID().toString());
            String firstHandoff = handoffs.awaitEvents(1, event -> isFor(event, email) && isCreated(event), PIPELINE_TIMEOUT)
                    .get(0).data().get("handoffId").asText();
            HttpResponse<String> recycled = postJson(stack.url("handoff-service") + "/v1/handoffs/" + firstHandoff + "/recycle",
                    Map.of("reasonCode", "not-now"));
            assertThat(recycled.statusCode()).as(recycled.body()).isEqualTo(200);

            // Then scoring hears it: the lead is RECYCLED and, as the model keeps none of its points, starts from zero
            JsonNode nurtured = awaitLead(email, lead -> "RECYCLED".equals(lead.get("stage").asText()));
            assertThat(nurtured.get("score").asInt()).isZero();

            // When the lead comes back weeks later in spirit: the same journey, new events
            postJourney(email, UUID.randomUUID().toString());

            // Then it is an MQL again, with a second handoff of its own, and the CRM hears of both
            List<ReceivedEvent> created = handoffs.awaitEvents(2, event -> isFor(event, email) && isCreated(event), PIPELINE_TIMEOUT);
            String secondHandoff = created.get(1).data().get("handoffId").asText();
            assertThat(secondHandoff).isNotEqualTo(firstHandoff);
            assertThat(awaitLead(email, lead -> "MQL".equals(lead.get("stage").asText())).get("score").asInt())
                    .isGreaterThanOrEqualTo(100);
            await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> {
                stack.webhook().verify(1, postRequestedFor(urlEqualTo("/crm/leads")).withHeader("Idempotency-Key", equalTo(firstHandoff)));
                stack.webhook().verify(1, postRequestedFor(urlEqualTo("/crm/leads")).withHeader("Idempotency-Key", equalTo(secondHandoff)));
            });
        }
    }

    @Test
    void aRejectedLeadStaysDisqualifiedHoweverItEngages() throws Exception {
        String email = "hedy-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given a lead handed to sales, whom the rep rejects
            postJourney(email, UUID.randomUUID().toString());
            String handoff = handoffs.awaitEvents(1, event -> isFor(event, email) && isCreated(event), PIPELINE_TIMEOUT)
                    .get(0).data().get("handoffId").asText();
            HttpResponse<String> refusedWithoutReason = postJson(stack.url("handoff-service") + "/v1/handoffs/" + handoff + "/reject", Map.of());
            assertThat(refusedWithoutReason.statusCode()).as("a rejection needs a reason code").isEqualTo(400);
            HttpResponse<String> rejected = postJson(stack.url("handoff-service") + "/v1/handoffs/" + handoff + "/reject",
                    Map.of("reasonCode", "no-budget"));
            assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
            awaitLead(email, lead -> "DISQUALIFIED".equals(lead.get("stage").asText()));

            // When it engages again as much as before
            postJourney(email, UUID.randomUUID().toString());
            awaitLead(email, lead -> eventsOf(lead, "demo.requested") >= 2);

            // Then it stays disqualified and sales gets no second handoff
            assertThat(getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email)).get("stage").asText())
                    .isEqualTo("DISQUALIFIED");
            assertThat(handoffs.collectFor(Duration.ofSeconds(3)).stream().filter(event -> isFor(event, email) && isCreated(event)))
                    .hasSize(1);
        }
    }

    @Test
    void anErasedLeadLeavesNoPersonalDataInAnyServiceAndItsCrmHearsOfIt() throws Exception {
        String email = "ida-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given a lead handed to sales and synced to the CRM
            postJourney(email, UUID.randomUUID().toString());
            handoffs.awaitEvents(1, event -> isFor(event, email) && isCreated(event), PIPELINE_TIMEOUT);
            awaitWebhookCall(email);
            String leadId = getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email)).get("id").asText();
            assertThat(rowsHolding(email)).as("the lead's data before erasure").isNotEmpty();

            // When an admin erases it
            HttpResponse<String> erased = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("scoring-service") + "/v1/leads/"
                    + leadId + "?reason=" + encode("subject access request 42")))
                    .header("Authorization", ADMIN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

            // Then no table of any service holds its email any more, and the CRM was told to erase it
            await().atMost(PIPELINE_TIMEOUT).untilAsserted(() -> assertThat(rowsHolding(email)).isEmpty());
            await().atMost(PIPELINE_TIMEOUT).until(() -> stack.webhook().findAll(postRequestedFor(urlEqualTo("/crm/leads"))).stream()
                    .anyMatch(request -> request.getBodyAsString().contains("lead.erased")));
            HttpResponse<String> gone = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("scoring-service") + "/v1/leads?email="
                    + encode(email))).header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(gone.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void latencyOnAWarmPipelineIsReported() throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            for (int i = 0; i < 5; i++) {
                String email = "warm-" + i + "-" + UUID.randomUUID() + "@example.com";
                long posted = postJourney(email, UUID.randomUUID().toString());
                handoffs.awaitEvents(1, event -> isFor(event, email), PIPELINE_TIMEOUT);
                latencies.add(Duration.ofNanos(System.nanoTime() - posted).toMillis());
            }
        }
        System.out.printf("%nEnd-to-end latency of 5 successive journeys (form POST -> handoff readable), ms: %s%n%n", latencies);
        assertThat(latencies).hasSize(5).allMatch(latency -> latency < PIPELINE_TIMEOUT.toMillis());
    }

    @Test
    void thePackagedServicesServeHealthMetricsAndTheirApiDocumentOnTheManagementPortOnly() throws Exception {
        for (ServiceProcess service : List.of(stack.service("capture-service"), stack.service("scoring-service"),
                stack.service("handoff-service"), stack.service("crm-sync-service"))) {
            // the API port (the one a Service or an ingress exposes): no health, metrics, API document or Swagger UI
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                assertThat(get(service.baseUrl() + path).statusCode()).as("%s %s on the API port", service.name(), path).isEqualTo(404);
            }
            // the management port: all but Swagger UI, which production builds leave out
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                assertThat(get(service.managementUrl() + path).statusCode()).as("%s %s on the management port", service.name(), path)
                        .isEqualTo(200);
            }
            assertThat(get(service.managementUrl() + "/q/swagger-ui/").statusCode()).as("%s Swagger UI", service.name()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invalidEventIsRefusedWithTheFieldNamedAndNothingReachesTheTopic() throws Exception {
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe engagement = TopicProbe.tail(Topics.ENGAGEMENT)) {
            String body = JSON.writeValueAsString(Map.of("type", "page.teleported", "email", email));

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("capture-service") + "/v1/events"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("type");
            assertThat(engagement.collectFor(Duration.ofSeconds(2)).stream().filter(event -> email.equals(event.key()))).isEmpty();
        }
    }

    /**
     * Posts a journey (an email open, three page views ending on the pricing page) and then the
     * demo-request form; returns when the form was posted, as {@link System#nanoTime()}.
     */
    private static long postJourney(String email, String firstEventId) throws Exception {
        postEvent(firstEventId, "email.opened", email, Map.of("campaign", "autumn-launch"));
        postEvent(UUID.randomUUID().toString(), "page.viewed", email, Map.of("url", "https://example.com/features"));
        postEvent(UUID.randomUUID().toString(), "page.viewed", email, Map.of("url", "https://example.com/customers"));
        postEvent(UUID.randomUUID().toString(), "page.viewed", email, Map.of("url", "https://example.com/pricing"));
        long posted = System.nanoTime();
        HttpResponse<String> form = postForm("/v1/forms/demo-request", Map.of(
                "email", email, "first_name", "Ada", "company", "Analytical Engines", "job_title", "VP Engineering"));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location")).isPresent();
        return posted;
    }

    /**
     * Every row, in every table of every service's schema, whose text (any column, as text) holds
     * {@code needle}: as "schema.table: row" lines.
     */
    private static List<String> rowsHolding(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = stack.database()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    + "WHERE table_schema IN ('scoring', 'handoff', 'crm_sync') AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).as("the services' tables").hasSizeGreaterThan(5);
            for (String table : tables) {
                try (PreparedStatement query = db.prepareStatement("SELECT t::text FROM " + table + " t WHERE strpos(lower(t::text), lower(?)) > 0")) {
                    query.setString(1, needle);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(table + ": " + rows.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean isCreated(ReceivedEvent event) {
        return HandoffCreated.TYPE.equals(event.ceType());
    }

    private static JsonNode awaitLead(String email, Predicate<JsonNode> condition) {
        return await().atMost(PIPELINE_TIMEOUT).until(
                () -> getJson(stack.url("scoring-service") + "/v1/leads?email=" + encode(email)), condition::test);
    }

    private static HttpResponse<String> postJson(String url, Map<String, String> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isFor(ReceivedEvent event, String email) {
        return event.data() != null && email.equals(event.data().path("email").asText());
    }

    private static LoggedRequest awaitWebhookCall(String email) {
        return await().atMost(PIPELINE_TIMEOUT).until(
                () -> stack.webhook().findAll(postRequestedFor(urlEqualTo("/crm/leads"))).stream()
                        .filter(request -> request.getBodyAsString().contains(email)).findFirst().orElse(null),
                request -> request != null);
    }

    /**
     * Checks the receiver's side of the contract, Standard Webhooks: one {@code v1,} entry of
     * webhook-signature is the base64 HMAC-SHA256, keyed with the whsec_ secret's bytes, of "id.timestamp.body".
     */
    private static boolean signatureIsValid(LoggedRequest request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = Base64.getDecoder().decode(LeadflowStack.WEBHOOK_SECRET.substring("whsec_".length()));
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "." + request.getBodyAsString();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(request.getHeader("webhook-signature").split(" ")).contains(expected);
    }

    private static int sumOfLedger(JsonNode lead) {
        int sum = 0;
        for (JsonNode entry : lead.get("ledger")) {
            sum += entry.get("points").asInt();
        }
        return sum;
    }

    private static int pointsOf(JsonNode lead, String type) {
        int sum = 0;
        for (JsonNode entry : lead.get("ledger")) {
            if (type.equals(entry.get("type").asText())) {
                sum += entry.get("points").asInt();
            }
        }
        return sum;
    }

    /** How many events of {@code type} the lead's ledger counts (an event may earn under several rules). */
    private static long eventsOf(JsonNode lead, String type) {
        Set<String> eventIds = new HashSet<>();
        for (JsonNode entry : lead.get("ledger")) {
            if (type.equals(entry.get("type").asText())) {
                eventIds.add(entry.get("eventId").asText());
            }
        }
        return eventIds.size();
    }

    private static void postEvent(String eventId, String type, String email, Map<String, String> properties) throws Exception {
        String body = JSON.writeValueAsString(Map.of("eventId", eventId, "type", type, "email", email,
                "properties", properties, "traits", Map.of("company", "Analytical Engines", "country", "GB")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("capture-service") + "/v1/events"))
                .header("Content-Type", "application/json")
                .header("Authorization", LeadflowStack.WRITE_KEY_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        // the shipped forms are bound to origins: capture's own pages on this machine
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("capture-service") + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", stack.url("capture-service"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
