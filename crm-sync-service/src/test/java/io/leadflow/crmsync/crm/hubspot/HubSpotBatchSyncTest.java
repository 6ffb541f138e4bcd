package io.leadflow.crmsync.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.crmsync.InjectWireMock;
import io.leadflow.crmsync.OnePoll;
import io.leadflow.crmsync.Stubs;
import io.leadflow.crmsync.SyncApi;
import io.leadflow.crmsync.TestHandoffs;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.LeadUpsert;
import io.leadflow.crmsync.domain.UpsertOutcome;
import io.leadflow.crmsync.messaging.Channels;
import io.leadflow.crmsync.messaging.CrmDeadLetters;
import io.leadflow.events.HandoffCreated;
import io.leadflow.crmsync.persistence.SyncLedger;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Bursts of handoffs from Kafka to HubSpot's batch upsert, against the real broker and a stand-in that answers as HubSpot documents. */
@QuarkusTest
@TestProfile(HubSpotTarget.class)
class HubSpotBatchSyncTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectWireMock
    WireMockServer hubspot;

    @Inject
    ObjectMapper json;

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry meters;

    @Inject
    HubSpotAdapter adapter;

    @Inject
    SyncLedger ledger;

    @Test
    void aBurstOfHandoffsGoesInBatchCallsOfAtMostAHundredAndEachLeadIsSyncedOnce() {
        // Given 250 handoffs of new leads
        List<HandoffCreated> handoffs = TestHandoffs.newLeadsSpreadOver(partitions(), 250);

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When they land on the topic at once
            new OnePoll(json).handoffs(handoffs).publish();

            // Then each is announced as synced, once
            syncs.awaitEvents(250, event -> isAboutAny(event, handoffs), TIMEOUT);
            assertThat(syncs.collectFor(Duration.ofMillis(500)).stream().filter(event -> isAboutAny(event, handoffs)))
                    .extracting(event -> event.data().path("handoffId").asText()).hasSize(250).doesNotHaveDuplicates();
        }

        // and HubSpot saw 3 batch calls of at most 100 contacts, which carried each lead once
        List<LoggedRequest> calls = callsCarrying(emailsOf(handoffs));
        assertThat(calls).hasSize(3).allSatisfy(call -> assertThat(emailsIn(call)).hasSizeLessThanOrEqualTo(100));
        assertThat(calls.stream().flatMap(call -> emailsIn(call).stream()).toList())
                .containsExactlyInAnyOrderElementsOf(emailsOf(handoffs));

        // and the ledger shows each synced on the first attempt
        assertThat(handoffs).allSatisfy(handoff -> {
            JsonPath ledger = ledgerOf(handoff);
            assertThat(ledger.getString("[0].status")).isEqualTo("SYNCED");
            assertThat(ledger.getInt("[0].attempts")).isEqualTo(1);
            assertThat(ledger.getString("[0].externalId")).isEqualTo("hs-" + handoff.email());
        });
    }

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAloneAndTheOthersAreSynced() {
        // Given 40 handoffs with a record breaking the schema and an oversize one among them
        List<HandoffCreated> handoffs = TestHandoffs.newLeadsSpreadOver(partitions(), 40);
        String brokenId = UUID.randomUUID().toString();
        String oversizeId = UUID.randomUUID().toString();
        HandoffCreated oversize = TestHandoffs.newLeadWithTraits(Map.of("notes", "x".repeat(70_000)));
        OnePoll poll = new OnePoll(json).handoffs(handoffs.subList(0, 20))
                .cloudEvent(handoffs.get(10).leadKey(), brokenId, HandoffCreated.TYPE, "{\"handoffId\":\"not-a-uuid\"}")
                .cloudEvent(oversize.leadKey(), oversizeId, HandoffCreated.TYPE, write(oversize))
                .handoffs(handoffs.subList(20, 40));

        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.HANDOFFS));
                TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When they land on the topic at once
            poll.publish();

            // Then the 40 handoffs are synced
            syncs.awaitEvents(40, event -> isAboutAny(event, handoffs), TIMEOUT);

            // and each poison record went to the dead-letter topic once, with its reason
            Map<String, List<ReceivedEvent>> dead = deadLetters.collectFor(Duration.ofSeconds(1)).stream()
                    .filter(event -> Set.of(brokenId, oversizeId).contains(event.headers().get("ce_id")))
                    .collect(Collectors.groupingBy(event -> event.headers().get("ce_id")));
            assertThat(dead.get(brokenId)).hasSize(1);
            assertThat(dead.get(brokenId).get(0).headers().get("dead-letter-reason")).contains("breaks its schema");
            assertThat(dead.get(brokenId).get(0).key()).isEqualTo(handoffs.get(10).leadKey());
            assertThat(dead.get(oversizeId)).hasSize(1);
            assertThat(dead.get(oversizeId).get(0).headers().get("dead-letter-reason")).contains("more than the 65536");
        }

        // and HubSpot got each of the 40 once, and never the oversize lead
        assertThat(callsCarrying(emailsOf(handoffs)).stream().flatMap(call -> emailsIn(call).stream()).toList())
                .containsExactlyInAnyOrderElementsOf(emailsOf(handoffs));
        assertThat(callsCarrying(List.of(oversize.email()))).isEmpty();
    }

    @Test
    void aContactRejectedInAMultiStatusAnswerIsRetriedAloneAndTheOthersAreSyncedOnce() {
        // Given 100 handoffs, one with an email HubSpot finds invalid in any batch (207)
        List<HandoffCreated> handoffs = TestHandoffs.newLeadsSpreadOver(partitions(), 100);
        HandoffCreated bad = handoffs.get(50);
        List<HandoffCreated> good = handoffs.stream().filter(handoff -> handoff != bad).toList();
        Stubs.add(hubspot, "hubspot/batch-upsert-207-one-invalid-in-any-batch.json", Map.of("bad", bad.email(), "badTrace", bad.handoffId()));

        try (TopicProbe deadLetters = TopicProbe.tail(Topics.deadLetter(Topics.CRM_SYNC));
                TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When they land on the topic at once
            new OnePoll(json).handoffs(handoffs).publish();

            // Then the 99 others are synced
            syncs.awaitEvents(99, event -> isAboutAny(event, good), TIMEOUT);

            // and the rejected one spends its 4 attempts alone, then goes to the DLQ with HubSpot's reason, once
            ReceivedEvent dead = deadLetters.awaitEvents(1, event -> bad.leadKey().equals(event.key()), TIMEOUT).get(0);
            assertThat(dead.headers().get(CrmDeadLetters.REASON_HEADER)).contains("VALIDATION_ERROR").contains("INVALID_EMAIL");
            assertThat(dead.headers()).containsEntry(CrmDeadLetters.ATTEMPTS_HEADER, "4").containsEntry("ce_id", bad.handoffId());
            assertThat(deadLetters.collectFor(Duration.ofMillis(500))).filteredOn(event -> bad.leadKey().equals(event.key())).hasSize(1);
            assertThat(syncs.collectFor(Duration.ofMillis(500))).noneMatch(event -> isAboutAny(event, List.of(bad)));
        }
        await().atMost(TIMEOUT).until(() -> "FAILED".equals(ledgerOf(bad).getString("[0].status")));
        assertThat(ledgerOf(bad).getInt("[0].attempts")).isEqualTo(4);
        assertThat(ledgerOf(bad).getString("[0].lastError")).contains("INVALID_EMAIL");

        // and only the rejected contact was sent again: each other one went in exactly one call
        assertThat(callsCarrying(emailsOf(good)).stream().flatMap(call -> emailsIn(call).stream()).filter(email -> !email.equals(bad.email())))
                .containsExactlyInAnyOrderElementsOf(emailsOf(good));
        List<LoggedRequest> callsWithBad = callsCarrying(List.of(bad.email()));
        assertThat(callsWithBad).hasSize(5);
        assertThat(callsWithBad.subList(1, 5)).allSatisfy(call -> assertThat(emailsIn(call)).containsExactly(bad.email()));
        assertThat(good).allSatisfy(handoff -> assertThat(ledgerOf(handoff).getInt("[0].attempts")).isEqualTo(1));
    }

    @Test
    void noCallCarriesOneEmailTwiceAndALeadsHandoffsAreWrittenInOrder() {
        // Given in one poll: two handoffs of one lead, and two leads that share an email
        HandoffCreated first = TestHandoffs.newLead();
        HandoffCreated second = TestHandoffs.sameLead(first);
        String shared = "shared-" + UUID.randomUUID() + "@example.com";
        HandoffCreated oneLead = TestHandoffs.forLead(UUID.randomUUID().toString(), shared, shared);
        HandoffCreated otherLead = TestHandoffs.forLead(UUID.randomUUID().toString(), shared, shared);

        // When they land on the topic at once
        new OnePoll(json).handoff(first).handoff(oneLead).handoff(second).handoff(otherLead).publish();

        // Then all four are synced
        await().atMost(TIMEOUT).until(() -> ledgerOf(first).getList("findAll { it.status == 'SYNCED' }").size() == 2
                && "SYNCED".equals(ledgerOf(oneLead).getString("[0].status")) && "SYNCED".equals(ledgerOf(otherLead).getString("[0].status")));

        // and no call carried an email twice; each email went in two calls, the lead's first handoff before its second
        List<LoggedRequest> calls = callsCarrying(List.of(first.email(), shared));
        assertThat(calls).allSatisfy(call -> assertThat(emailsIn(call)).doesNotHaveDuplicates());
        assertThat(calls.stream().flatMap(call -> emailsIn(call).stream()).toList())
                .containsExactlyInAnyOrder(first.email(), first.email(), shared, shared);
        List<String> leadsWrites = calls.stream().flatMap(call -> traceIdsIn(call).stream())
                .filter(traceId -> traceId.equals(first.handoffId()) || traceId.equals(second.handoffId())).toList();
        assertThat(leadsWrites).containsExactly(first.handoffId(), second.handoffId());
    }

    @Test
    void aRewoundBatchMakesNoNewCrmCall() {
        // Given 30 handoffs synced, and where the consumer stood before they came
        KafkaConsumer<String, String> consumer = kafka.getConsumer(Channels.HANDOFFS);
        Map<TopicPartition, Long> before = consumer.runOnPollingThread(
                (Function<Consumer<String, String>, Map<TopicPartition, Long>>) c -> new HashMap<>(c.endOffsets(c.assignment())))
                .await().atMost(TIMEOUT);
        List<HandoffCreated> handoffs = TestHandoffs.newLeadsSpreadOver(partitions(), 30);
        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            new OnePoll(json).handoffs(handoffs).publish();
            syncs.awaitEvents(30, event -> isAboutAny(event, handoffs), TIMEOUT);
        }
        int callsBefore = callsCarrying(emailsOf(handoffs)).size();
        double skippedBefore = skipped();

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the consumer is rewound and reads the whole batch again
            consumer.runOnPollingThread((java.util.function.Consumer<Consumer<String, String>>) c -> before.forEach(c::seek))
                    .await().atMost(TIMEOUT);
            await().atMost(TIMEOUT).until(() -> skipped() >= skippedBefore + 30);

            // Then HubSpot got no new call and nothing was announced again
            assertThat(callsCarrying(emailsOf(handoffs))).hasSize(callsBefore);
            assertThat(syncs.collectFor(Duration.ofMillis(500))).noneMatch(event -> isAboutAny(event, handoffs));
        }
        assertThat(handoffs).allSatisfy(handoff -> assertThat(ledgerOf(handoff).getInt("[0].attempts")).isEqualTo(1));
    }

    @Test
    void aBatchRedeliveredAfterACrashMidwayCreatesNothingTwice() throws Throwable {
        // Given the state a crash in the middle of a poll leaves: the first 20 handoffs recorded as synced; the
        // next 20 taken by HubSpot, but the crash came before their records (the ledger shows an attempt, no success)
        List<HandoffCreated> handoffs = TestHandoffs.newLeadsSpreadOver(partitions(), 40);
        List<HandoffCreated> recorded = handoffs.subList(0, 20);
        List<HandoffCreated> notRecorded = handoffs.subList(20, 40);
        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            new OnePoll(json).handoffs(recorded).publish();
            syncs.awaitEvents(20, event -> isAboutAny(event, recorded), TIMEOUT);
        }
        List<LeadUpsert> takenBeforeTheCrash = notRecorded.stream().map(LeadUpsert::of).toList();
        List<UpsertOutcome> taken = adapter.upsertAll(takenBeforeTheCrash).await().atMost(TIMEOUT);
        for (LeadUpsert lead : takenBeforeTheCrash) {
            String request = json.writeValueAsString(lead);
            VertxContextSupport.subscribeAndAwait(() -> ledger.recordFailure(lead, CrmTarget.HUBSPOT, request, "crashed before the commit",
                    Instant.now()));
        }
        int callsBefore = callsCarrying(emailsOf(handoffs)).size();

        try (TopicProbe syncs = TopicProbe.tail(Topics.CRM_SYNC)) {
            // When the restarted service gets the whole poll again
            new OnePoll(json).handoffs(handoffs).publish();

            // Then only the 20 unrecorded handoffs are sent again, each once, and announced once
            syncs.awaitEvents(20, event -> isAboutAny(event, notRecorded), TIMEOUT);
            assertThat(syncs.collectFor(Duration.ofMillis(500))).filteredOn(event -> isAboutAny(event, handoffs))
                    .extracting(event -> event.data().path("handoffId").asText())
                    .containsExactlyInAnyOrderElementsOf(notRecorded.stream().map(HandoffCreated::handoffId).toList());
        }
        List<LoggedRequest> newCalls = callsCarrying(emailsOf(handoffs)).subList(callsBefore, callsCarrying(emailsOf(handoffs)).size());
        assertThat(newCalls.stream().flatMap(call -> emailsIn(call).stream()).toList())
                .containsExactlyInAnyOrderElementsOf(emailsOf(notRecorded));

        // and each lead is still one contact: the ledger names the contact HubSpot answered before the crash
        for (int i = 0; i < notRecorded.size(); i++) {
            JsonPath ledger = ledgerOf(notRecorded.get(i));
            assertThat(ledger.getList("$")).hasSize(1);
            assertThat(ledger.getString("[0].status")).isEqualTo("SYNCED");
            assertThat(ledger.getInt("[0].attempts")).isEqualTo(2);
            assertThat(ledger.getString("[0].externalId")).isEqualTo(taken.get(i).receipt().externalId());
        }
        assertThat(recorded).allSatisfy(handoff -> assertThat(ledgerOf(handoff).getInt("[0].attempts")).isEqualTo(1));
    }

    private int partitions() {
        return kafka.<String, String>getConsumer(Channels.HANDOFFS)
                .runOnPollingThread((Function<Consumer<String, String>, Integer>) c -> c.partitionsFor(Topics.HANDOFFS).size())
                .await().atMost(TIMEOUT);
    }

    private double skipped() {
        return meters.counter("leadflow.crm.syncs", "target", "hubspot", "outcome", "skipped").count();
    }

    /** The batch upsert calls that carried any of {@code emails}, oldest first. */
    private List<LoggedRequest> callsCarrying(List<String> emails) {
        Set<String> wanted = Set.copyOf(emails);
        List<LoggedRequest> calls = new ArrayList<>(hubspot.findAll(postRequestedFor(urlEqualTo(HubSpotAdapter.BATCH_UPSERT_PATH))).stream()
                .filter(call -> emailsIn(call).stream().anyMatch(wanted::contains))
                .toList());
        calls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return calls;
    }

    private List<String> emailsIn(LoggedRequest call) {
        return inputs(call).stream().map(input -> input.path("id").asText()).toList();
    }

    private List<String> traceIdsIn(LoggedRequest call) {
        return inputs(call).stream().map(input -> input.path("objectWriteTraceId").asText()).toList();
    }

    private List<JsonNode> inputs(LoggedRequest call) {
        try {
            List<JsonNode> inputs = new ArrayList<>();
            json.readTree(call.getBody()).path("inputs").forEach(inputs::add);
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(HandoffCreated handoff) {
        try {
            return json.writeValueAsString(handoff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> emailsOf(List<HandoffCreated> handoffs) {
        return handoffs.stream().map(HandoffCreated::email).toList();
    }

    private static boolean isAboutAny(ReceivedEvent event, List<HandoffCreated> handoffs) {
        return event.data() != null && handoffs.stream().anyMatch(handoff -> handoff.handoffId().equals(event.data().path("handoffId").asText()));
    }

    private static JsonPath ledgerOf(HandoffCreated handoff) {
        return SyncApi.asMarketingOps().get("/v1/sync/{leadId}", handoff.leadId()).then().statusCode(200).extract().jsonPath();
    }
}
