package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.HandoffSlaBreached;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.ChildProcesses;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.SharedKafka;
import io.leadflow.testsupport.SharedPostgres;
import io.leadflow.testsupport.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA timers survive a crash: the packaged service is started as a process, makes a handoff with a
 * short SLA and is killed (SIGKILL) before the SLA lapses; a new process, which has never seen the
 * handoff, breaches and escalates it once it is due.
 */
class SlaTimerRestartIT {

    private static final Duration SLA = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private static Map<String, String> database;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void freshDatabase() {
        database = SharedPostgres.quarkusConfig("handoff_restart_it", "handoff");
    }

    @AfterEach
    void stopAll() {
        started.forEach(ChildProcesses::stop);
    }

    @Test
    void aTimerPersistedByACrashedInstanceFiresInTheNextOne() throws InterruptedException {
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            // Given an instance that offered a handoff with a 30 s SLA
            Process first = start("first");
            String stageChange = StageChanges.send(StageChanges.toMql(StageChanges.newLeadEmail()));
            ReceivedEvent created = handoffs.awaitEvents(1, StageChanges.qualifiedBy(stageChange), WAIT).get(0);
            String handoffId = created.ceId();
            Instant due = Instant.parse(created.data().get("slaDueAt").asText());

            // When it crashes before the SLA lapses
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Instant crashed = Instant.now();
            assertThat(crashed).as("the first instance died before the handoff was due").isBefore(due);

            // and a new instance starts
            start("second");

            // Then the new instance finds the timer in the database and breaches the handoff once it is due
            ReceivedEvent breach = handoffs.awaitEvents(1, event -> HandoffSlaBreached.TYPE.equals(event.ceType())
                    && handoffId.equals(event.data().path("handoffId").asText()), WAIT).get(0);
            Instant breachedAt = Instant.parse(breach.data().get("breachedAt").asText());
            assertThat(breachedAt).isAfter(crashed).isAfterOrEqualTo(due);
            assertThat(breach.data().get("assignee").asText()).isEqualTo(created.data().get("assignee").asText());
            assertThat(breach.data().get("escalatedTo").asText()).isNotEqualTo(created.data().get("assignee").asText());
        }
    }

    private Process start(String name) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + freePort(),
                // the management interface too: its fixed default (9083) may be taken by a local stack on this machine
                "-Dquarkus.management.port=" + freePort(),
                "-Dkafka.bootstrap.servers=" + SharedKafka.bootstrapServers(),
                "-Dleadflow.handoff.sla=" + SLA,
                "-Dleadflow.handoff.sla-poll-interval=1s",
                // the packaged service runs its production profile, which does not start without a JWT audience
                // nor without the deployment's erasure key secret
                "-Dmp.jwt.verify.audiences=leadflow",
                "-Dleadflow.erasure.key-secret=sla-restart-it-erasure-key-secret-0123456789"));
        database.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", APP.toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "sla-restart-" + name + ".log").toFile())
                    .start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
