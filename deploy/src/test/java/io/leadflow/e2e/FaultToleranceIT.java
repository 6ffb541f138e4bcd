package io.leadflow.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.LocalKafkaProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite (issue: nothing lost, nothing counted twice): the four packaged services on their
 * own broker and database, under a steady load whose client keeps every acknowledged event id and
 * resends what was not acknowledged; while it runs, services are killed with SIGKILL and restarted,
 * the broker is killed (SIGKILL) and, separately, stopped (SIGTERM) and each time brought back,
 * scoring scales out to three instances and back, poison records are written to every consumed
 * topic, and every acknowledged event is sent again. Then the invariants of DESIGN.md are checked
 * and a table of faults and checks is printed.
 *
 * <p>CI runs the short form (about a minute of load). {@code deploy/chaos/run} runs the long form
 * through system properties: {@code chaos.duration} (seconds of load), {@code chaos.rate} (events/s),
 * {@code chaos.leads}, {@code chaos.scoring-kills}, {@code chaos.broker-outage} (seconds down after
 * the kill), {@code chaos.broker-stop} (seconds down after the graceful stop),
 * {@code chaos.postgres-restart} (false on a machine whose PostgreSQL others are using).
 */
class FaultToleranceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Sign-in for scoring's management API (docs/security.md). */
    private static final String ADMIN = DevTokens.bearer("chaos-admin", "admin");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    /** Kafka consumers' default session timeout: how long a killed member stays in its group. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);
    /** The stages a lead reaches only through a handoff (no sales action happens in this run). */
    private static final Set<String> HANDED_OFF_STAGES = Set.of("MQL", "SAL", "SQL", "OPPORTUNITY", "CUSTOMER");
    /** Which consumer groups read each topic: a poison record there is dead-lettered once per group. */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            Topics.ENGAGEMENT, List.of("scoring-service"),
            Topics.LIFECYCLE, List.of("handoff-service"),
            Topics.HANDOFFS, List.of("crm-sync-service"),
            Topics.SALES_FEEDBACK, List.of("scoring-service", "handoff-service"));
    /** A type each topic really carries, for a poison record that claims it but is not JSON. */
    private static final Map<String, String> TOPIC_TYPES = Map.of(
            Topics.ENGAGEMENT, "engagement.captured.v1",
            Topics.LIFECYCLE, "lead.stage-changed.v1",
            Topics.HANDOFFS, HandoffCreated.TYPE,
            Topics.SALES_FEEDBACK, "sales.feedback.v1");

    private static final int DURATION_S = Integer.getInteger("chaos.duration", 60);
    private static final int RATE = Integer.getInteger("chaos.rate", 40);
    private static final int LEADS = Integer.getInteger("chaos.leads", 500);
    private static final int SCORING_KILLS = Integer.getInteger("chaos.scoring-kills", 3);
    private static final int BROKER_OUTAGE_S = Integer.getInteger("chaos.broker-outage", 15);
    private static final int BROKER_STOP_S = Integer.getInteger("chaos.broker-stop", 10);
    private static final boolean POSTGRES_RESTART = Boolean.parseBoolean(System.getProperty("chaos.postgres-restart", "true"));

    private static LocalKafkaProcess broker;
    private static LeadflowStack stack;
    private static BrokerView kafka;
    private final FaultReport report = new FaultReport();
    private final Random random = new Random(7);

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        // its own broker, so that killing it harms no other test
        broker = LocalKafkaProcess.start(root.resolve("deploy/target/chaos-kafka-" + ProcessHandle.current().pid()));
        stack = LeadflowStack.start(root, root.resolve("deploy/target/chaos-logs"), broker.bootstrapServers());
        stack.webhook().stubFor(post(urlEqualTo("/crm/leads")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"crm-lead\"}")));
        kafka = new BrokerView(broker.bootstrapServers());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void underKillsOutagesPoisonAndDuplicatesNothingIsLostOrCountedTwice() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            emails.add("chaos-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        }
        Map<String, Set<String>> poisonByTopic;
        int duplicates;
        try (AckingLoad load = new AckingLoad(stack.url("capture-service"), emails, RATE)) {
            load.start();
            runFaults(load);
            poisonByTopic = injectPoison();
            load.stopGenerating();
            boolean drained = load.drain(Duration.ofSeconds(120));
            report.check("every event sent was acknowledged in the end", drained, load.answers().toString());
            duplicates = load.resendAcknowledged(5);
            boolean duplicatesDrained = load.drain(Duration.ofSeconds(420));
            report.fault("every acknowledged event sent again 1-5 times", duplicates + " duplicates, all answered: " + duplicatesDrained);
            report.check("capture refused no valid event", load.refused().isEmpty(), load.refused().size() + " refused "
                    + load.refused().stream().limit(2).toList());

            settle();
            checkInvariants(load, emails, poisonByTopic);
        } finally {
            System.out.println(report.render());
        }
        assertThat(report.broken()).as("broken invariants (see the table above)").isEmpty();
    }

    /** The fault schedule, spread over the load's duration. */
    private void runFaults(AckingLoad load) throws Exception {
        List<Runnable> faults = new ArrayList<>();
        for (int i = 0; i < SCORING_KILLS; i++) {
            faults.add(() -> killAndRestart("scoring-service"));
        }
        faults.add(() -> killAndRestart("capture-service"));
        faults.add(() -> killAndRestart("handoff-service"));
        faults.add(() -> killAndRestart("crm-sync-service"));
        faults.add(() -> brokerOutage(load, BrokerDown.KILLED));
        faults.add(() -> brokerOutage(load, BrokerDown.STOPPED));
        faults.add(this::scoringScalesOutAndIn);
        faults.add(this::scoringOffsetsRewound);
        if (POSTGRES_RESTART) {
            faults.add(this::postgresRestartedImmediately);
        }
        java.util.Collections.shuffle(faults, random);
        long slot = TimeUnit.SECONDS.toMillis(DURATION_S) / (faults.size() + 1);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DURATION_S);
        for (Runnable fault : faults) {
            // a random moment within each slot, so kills land in different phases of processing
            TimeUnit.MILLISECONDS.sleep(slot / 2 + random.nextLong(slot / 2));
            fault.run();
        }
        long left = end - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void killAndRestart(String name) {
        ServiceProcess service = stack.service(name);
        service.kill();
        long killed = System.nanoTime();
        service.restart();
        service.awaitReady(READY_TIMEOUT);
        report.fault("kill -9 " + name + ", then start it again", "ready again after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms");
    }

    /**
     * Two more scoring instances join the consumer group under load, then leave it: partitions move
     * twice. The group rebalances cooperatively: the first instance keeps the partitions it does not
     * hand over, and gets the others back on the scale-in.
     */
    private void scoringScalesOutAndIn() {
        // a scoring instance killed just before stays a member until its session times out: wait for one holder
        BrokerView.Group alone = awaitScoringGroup(group -> group.holders() == 1);
        String first = alone.soleHolder();
        long started = System.nanoTime();
        List<ServiceProcess> extra = List.of(stack.addInstance("scoring-service"), stack.addInstance("scoring-service"));
        // two JVMs starting at once beside the loaded stack on 2 cores: when the shuffle puts this first, before the
        // stack's own JIT has warmed, each took 100 s to start (seen once), so they get twice a restart's patience
        extra.forEach(instance -> instance.awaitReady(READY_TIMEOUT.multipliedBy(2)));
        long out = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        BrokerView.Group spread = awaitScoringGroup(group -> group.holders() == 3 && group.held() == alone.held());
        sleep(Duration.ofSeconds(5));
        // both at once, as a scale-in of a deployment stops its pods
        long stopping = System.nanoTime();
        List<Boolean> exited;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Boolean>> stops = extra.stream()
                    .map(instance -> CompletableFuture.supplyAsync(() -> stack.removeInstance(instance), threads)).toList();
            exited = stops.stream().map(CompletableFuture::join).toList();
        }
        long stopped = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        report.check("scoring instances stopped under load end by themselves within their grace period (20 s)",
                !exited.contains(false), "2 stopped in " + stopped + " ms; exited by themselves: " + exited);
        // an instance too busy to stop within its grace is killed, and stays a member until its session times out
        BrokerView.Group back = awaitScoringGroup(group -> group.holders() == 1 && group.held() == alone.held(),
                SESSION_TIMEOUT.plusMinutes(1));
        report.fault("scoring scaled out to 3 instances, then back to 1", "3 ready after " + out + " ms; 2 stopped 5 s later, in "
                + stopped + " ms");
        Set<Integer> kept = spread.of(first);
        report.check("scoring's group rebalanced cooperatively; the first instance kept its share", first != null
                && "cooperative-sticky".equals(spread.assignor()) && !kept.isEmpty() && alone.of(first).containsAll(kept)
                && back.of(first).equals(alone.of(first)),
                spread.assignor() + "; " + Topics.ENGAGEMENT + " partitions of the first: " + alone.of(first) + " alone, " + kept
                        + " of 3 instances, " + back.of(first) + " after; members of 3 instances " + spread.partitionsByMember()
                        + ", after " + back.partitionsByMember() + (back.stable() ? "" : " (still rebalancing)"));
    }

    /** scoring's group as soon as it is stable in the shape {@code wanted}, or as it is after a minute. */
    private BrokerView.Group awaitScoringGroup(Predicate<BrokerView.Group> wanted) {
        return awaitScoringGroup(wanted, Duration.ofMinutes(1));
    }

    private BrokerView.Group awaitScoringGroup(Predicate<BrokerView.Group> wanted, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        BrokerView.Group group = kafka.describe("scoring-service", Topics.ENGAGEMENT);
        while (!(group.stable() && wanted.test(group)) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            group = kafka.describe("scoring-service", Topics.ENGAGEMENT);
        }
        return group;
    }

    /**
     * An operator replays scoring's input: scoring stops, its group's offsets go back 10 minutes,
     * it starts again and everything since is delivered a second time.
     */
    private void scoringOffsetsRewound() {
        ServiceProcess scoring = stack.service("scoring-service");
        // a rewind means something once the group has committed on every partition: early in a run it may not have
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!kafka.committedEverywhere("scoring-service", Topics.ENGAGEMENT) && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
        }
        scoring.close();
        BrokerView.Rewound again = kafka.rewind("scoring-service", Topics.ENGAGEMENT, Instant.now().minus(Duration.ofMinutes(10)));
        scoring.restart();
        scoring.awaitReady(READY_TIMEOUT);
        report.fault("scoring's offsets on " + Topics.ENGAGEMENT + " rewound 10 min", again.records()
                + " records delivered again (" + again.partitions() + " of " + again.ofPartitions() + " partitions had commits)");
    }

    /**
     * PostgreSQL stopped in immediate mode (no checkpoint: crash recovery on start) and started again,
     * when the stack runs on this machine's own server; skipped, and said so, otherwise.
     */
    private void postgresRestartedImmediately() {
        java.io.File clusters = new java.io.File("/etc/postgresql");
        String[] versions = clusters.list();
        boolean local = stack.postgres().host().equals("127.0.0.1") && stack.postgres().port() == 5432;
        if (!local || versions == null || versions.length == 0) {
            report.fault("PostgreSQL restart (immediate)", "skipped: the database is not this machine's own server");
            return;
        }
        try {
            long started = System.nanoTime();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", "restart",
                    "-m", "immediate").redirectErrorStream(true).start();
            String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = restart.waitFor();
            report.fault("PostgreSQL " + versions[0] + " restarted in immediate mode", exit == 0
                    ? "back after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms"
                    : "pg_ctlcluster failed (" + exit + "): " + output);
            report.check("PostgreSQL came back after its restart", exit == 0, output.isEmpty() ? "exit 0" : output);
        } catch (java.io.IOException e) {
            report.fault("PostgreSQL restart (immediate)", "skipped: pg_ctlcluster is not available (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How the broker goes down: killed (no flush; log recovery on start) or stopped (a controlled shutdown). */
    private enum BrokerDown {
        KILLED("kill -9"), STOPPED("SIGTERM (graceful stop)");

        private final String how;

        BrokerDown(String how) {
            this.how = how;
        }
    }

    /**
     * The broker down for a while, killed or stopped as an operator (or a Kubernetes rollout) stops it;
     * capture must answer 503 while it is down and recover by itself once it is back.
     */
    private void brokerOutage(AckingLoad load, BrokerDown down) {
        int downFor = down == BrokerDown.KILLED ? BROKER_OUTAGE_S : BROKER_STOP_S;
        try {
            int unavailableBefore = load.answered("503");
            if (down == BrokerDown.KILLED) {
                broker.kill();
            } else {
                long stopping = System.nanoTime();
                boolean exited = broker.stop();
                report.check("the broker shuts down by itself on SIGTERM", exited, (exited ? "exited after " : "killed after ")
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping) + " ms");
            }
            TimeUnit.SECONDS.sleep(downFor);
            int unavailableDuring = load.answered("503") - unavailableBefore;
            int acceptedBeforeRestart = load.answered("202");
            broker.restart();
            long restarted = System.nanoTime();
            long recoveredMs = -1;
            while (System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(120)) {
                if (load.answered("202") > acceptedBeforeRestart) {
                    recoveredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            report.fault(down.how + " the broker, restart it after " + downFor + " s",
                    unavailableDuring + " answers 503 while down; 202 again " + recoveredMs + " ms after restart");
            report.check("capture answers 503 while the broker is down after " + down.how, unavailableDuring > 0,
                    unavailableDuring + " x 503");
            report.check("capture accepts again once the broker is back after " + down.how + ", unrestarted", recoveredMs >= 0,
                    recoveredMs >= 0 ? "first 202 after " + recoveredMs + " ms" : "no 202 within 120 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Three kinds of poison per consumed topic: not a CloudEvent, not JSON, an unknown type; their keys by topic. */
    private Map<String, Set<String>> injectPoison() {
        Map<String, Set<String>> injected = new TreeMap<>();
        for (String topic : CONSUMERS.keySet()) {
            List<BrokerView.Stored> poison = List.of(
                    new BrokerView.Stored(poisonKey(), Map.of(), "{\"no\":\"headers\"}"),
                    new BrokerView.Stored(poisonKey(), cloudEventHeaders(TOPIC_TYPES.get(topic)), "{not json"),
                    new BrokerView.Stored(poisonKey(), cloudEventHeaders("leadflow.unknown.v9"), "{}"));
            kafka.write(topic, poison);
            injected.put(topic, poison.stream().map(BrokerView.Stored::key).collect(Collectors.toCollection(TreeSet::new)));
        }
        report.fault("poison records written to " + injected.size() + " consumed topics", "3 each, keyed poison-<uuid>");
        return injected;
    }

    private static String poisonKey() {
        return "poison-" + UUID.randomUUID();
    }

    private static Map<String, String> cloudEventHeaders(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/leadflow/chaos", "ce_time", Instant.now().toString(), "content-type", "application/json");
    }

    /**
     * Waits until every consumer group has read everything and every service reports ready: as long
     * as the lag keeps shrinking (a slow machine is not a broken pipeline), but no longer than
     * {@link #STALL_TIMEOUT} without progress.
     */
    private void settle() throws InterruptedException {
        Map<String, Long> lag = lagByGroup();
        long least = total(lag);
        long lastProgress = System.nanoTime();
        while (total(lag) > 0 && System.nanoTime() - lastProgress < STALL_TIMEOUT.toNanos()) {
            TimeUnit.SECONDS.sleep(2);
            lag = lagByGroup();
            if (total(lag) < least) {
                least = total(lag);
                lastProgress = System.nanoTime();
            }
        }
        // the outboxes may still hold what the last consumed records caused: let them drain, then look again
        TimeUnit.SECONDS.sleep(5);
        lag = lagByGroup();
        report.check("consumer lag returns to zero by itself", lag.values().stream().allMatch(records -> records == 0), lag.toString());
        List<String> notReady = stack.services().stream().filter(service -> !service.isReady()).map(ServiceProcess::name).toList();
        report.check("every service reports ready by itself", notReady.isEmpty(), notReady.isEmpty() ? "4 of 4 ready" : "not ready: " + notReady);
    }

    private static long total(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> lagByGroup() {
        Map<String, Set<String>> topicsByGroup = new TreeMap<>();
        CONSUMERS.forEach((topic, groups) -> groups.forEach(group -> topicsByGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(topic)));
        Map<String, Long> lag = new TreeMap<>();
        topicsByGroup.forEach((group, topics) -> lag.put(group, kafka.lag(group, topics)));
        return lag;
    }

    private void checkInvariants(AckingLoad load, List<String> emails, Map<String, Set<String>> poisonByTopic) throws Exception {
        Set<String> acknowledged = load.acknowledgedIds();
        Set<String> processed = new HashSet<>();
        Map<String, Integer> entriesPerEventRule = new HashMap<>();
        Map<String, String> stageByLead = new HashMap<>();
        try (Connection db = stack.database(); Statement sql = db.createStatement()) {
            // scoring records an engagement it counted in the lead's history under its id, other events in processed_event
            try (ResultSet rows = sql.executeQuery("select event_id from scoring.processed_event union all select event_id from scoring.lead_event")) {
                while (rows.next()) {
                    processed.add(rows.getString(1));
                }
            }
            try (ResultSet rows = sql.executeQuery("select event_id, rule, count(*) from scoring.score_entry group by event_id, rule")) {
                while (rows.next()) {
                    entriesPerEventRule.put(rows.getString(1) + "/" + rows.getString(2), rows.getInt(3));
                }
            }
            try (ResultSet rows = sql.executeQuery("select lead_key, stage from scoring.lead")) {
                while (rows.next()) {
                    stageByLead.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        Set<String> lost = new TreeSet<>(acknowledged);
        lost.removeAll(processed);
        report.check("every acknowledged event was processed by scoring (nothing lost)", lost.isEmpty(),
                acknowledged.size() + " acknowledged, " + lost.size() + " missing " + lost.stream().limit(3).toList());
        long countedTwice = entriesPerEventRule.values().stream().filter(count -> count > 1).count();
        report.check("no event gave points twice (ledger unique per event and rule)", countedTwice == 0,
                entriesPerEventRule.size() + " ledger entries, " + countedTwice + " repeated");

        int mismatched = 0;
        int leadsSeen = 0;
        for (String email : emails) {
            JsonNode lead = leadOrNull(email);
            if (lead == null) {
                continue;
            }
            leadsSeen++;
            int ledgerSum = 0;
            for (JsonNode entry : lead.get("ledger")) {
                ledgerSum += entry.get("points").asInt();
            }
            if (ledgerSum != lead.get("score").asInt()) {
                mismatched++;
            }
        }
        report.check("every lead's score equals the sum of its ledger", mismatched == 0 && leadsSeen > 0,
                leadsSeen + " leads, " + mismatched + " mismatched");

        checkScoresEqualAFreshRescore();
        checkOneHandoffPerQualification(stageByLead);
        checkDeadLetters(poisonByTopic);
    }

    /** scoring's what-if preview of its active model scores every lead's stored history afresh: nothing may move. */
    private void checkScoresEqualAFreshRescore() throws Exception {
        String scoring = stack.url("scoring-service");
        HttpResponse<String> active = HTTP.send(HttpRequest.newBuilder(URI.create(scoring + "/v1/scoring-model")).header("Authorization", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode model = JSON.readTree(active.body());
        JsonNode document = model.get("model");
        HttpResponse<String> preview = HTTP.send(HttpRequest.newBuilder(URI.create(scoring + "/v1/scoring-model/preview?top=3"))
                .header("Content-Type", "application/json").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(document))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode whatIf = preview.statusCode() == 200 ? JSON.readTree(preview.body()) : null;
        report.check("every lead's score equals a fresh re-score of its events", whatIf != null
                && whatIf.path("leads").asInt() > 0 && whatIf.path("scoreChanges").asInt() == 0 && whatIf.path("stageChanges").asInt() == 0,
                whatIf == null ? "preview answered " + preview.statusCode() + ": " + preview.body()
                        : whatIf.path("leads").asInt() + " leads re-scored, " + whatIf.path("scoreChanges").asInt() + " score and "
                                + whatIf.path("stageChanges").asInt() + " stage changes " + whatIf.path("topMovers"));
    }

    private void checkOneHandoffPerQualification(Map<String, String> stageByLead) {
        Map<String, Set<String>> handoffIdsByLead = new TreeMap<>();
        for (BrokerView.Stored record : kafka.readAll(Topics.HANDOFFS)) {
            if (HandoffCreated.TYPE.equals(record.header("ce_type")) && record.key() != null && !record.key().startsWith("poison-")) {
                handoffIdsByLead.computeIfAbsent(record.key(), key -> new TreeSet<>()).add(record.header("ce_id"));
            }
        }
        Set<String> qualified = stageByLead.entrySet().stream().filter(lead -> HANDED_OFF_STAGES.contains(lead.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        long twice = handoffIdsByLead.values().stream().filter(ids -> ids.size() > 1).count();
        report.check("every qualified lead was handed off, exactly once", !qualified.isEmpty()
                && qualified.equals(handoffIdsByLead.keySet()) && twice == 0,
                qualified.size() + " qualified, " + handoffIdsByLead.size() + " handed off, " + twice + " more than once");

        Set<String> handoffIds = handoffIdsByLead.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> upsertsByKey = stack.webhook().findAll(postRequestedFor(urlEqualTo("/crm/leads"))).stream()
                .collect(Collectors.groupingBy(request -> String.valueOf(request.getHeader("Idempotency-Key")), TreeMap::new, Collectors.counting()));
        long retried = upsertsByKey.values().stream().filter(calls -> calls > 1).count();
        report.check("one CRM upsert per handoff (one idempotency key each)", upsertsByKey.keySet().equals(handoffIds),
                handoffIds.size() + " handoffs, " + upsertsByKey.size() + " keys upserted (" + retried + " delivered again after a kill)");
    }

    /**
     * Every poison record is dead-lettered by every group that reads its topic, and nothing else is. A
     * dead-letter write is at-least-once (a consumer stopped before it committed the offset writes it
     * again after the rebalance), so copies beyond that are counted and shown, not refused.
     */
    private void checkDeadLetters(Map<String, Set<String>> poisonByTopic) {
        Map<String, String> missing = new TreeMap<>();
        Map<String, Integer> found = new TreeMap<>();
        int again = 0;
        for (Map.Entry<String, Set<String>> poison : poisonByTopic.entrySet()) {
            String deadLetter = Topics.deadLetter(poison.getKey());
            Map<String, Long> copiesByKey = kafka.readAll(deadLetter).stream()
                    .collect(Collectors.groupingBy(record -> String.valueOf(record.key()), Collectors.counting()));
            int groups = CONSUMERS.get(poison.getKey()).size();
            found.put(deadLetter, copiesByKey.values().stream().mapToInt(Long::intValue).sum());
            boolean exact = copiesByKey.keySet().equals(poison.getValue())
                    && copiesByKey.values().stream().allMatch(copies -> copies >= groups);
            if (!exact) {
                missing.put(deadLetter, "expected each of " + poison.getValue() + " at least " + groups + "x, found " + copiesByKey);
            }
            again += copiesByKey.values().stream().mapToLong(copies -> copies - groups).filter(extra -> extra > 0).sum();
        }
        report.check("dead-letter topics hold the poison injected, once per consuming group, and nothing else", missing.isEmpty(),
                missing.isEmpty() ? found + " (" + again + " written again after a rebalance)" : missing.toString());
    }

    private static JsonNode leadOrNull(String email) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("scoring-service")
                + "/v1/leads?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))).header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
