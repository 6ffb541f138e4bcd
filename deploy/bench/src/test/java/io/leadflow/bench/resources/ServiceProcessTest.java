package io.leadflow.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void a_paused_process_is_stopped_until_it_is_resumed() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            ServiceProcess service = new ServiceProcess("scoring-service", sleeper.pid(), Path.of("quarkus-run.jar"));

            service.pause();
            assertThat(awaitState(sleeper.pid(), 'T')).isEqualTo('T');

            service.resume();
            assertThat(awaitState(sleeper.pid(), 'S')).isEqualTo('S');
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void a_process_that_is_gone_cannot_be_paused_and_says_which() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        ServiceProcess gone = new ServiceProcess("handoff-service", done.pid(), Path.of("quarkus-run.jar"));

        assertThatThrownBy(gone::pause).isInstanceOf(IOException.class)
                .hasMessageContaining("kill -STOP " + done.pid() + " (handoff-service) failed");
    }

    // the state letter of /proc/<pid>/stat (S sleeping, T stopped), read until it is the expected one, for a second at most
    private static char awaitState(long pid, char expected) throws Exception {
        char state = '?';
        for (int i = 0; i < 100 && state != expected; i++) {
            if (i > 0) {
                Thread.sleep(10);
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            state = stat.charAt(stat.lastIndexOf(')') + 2);
        }
        return state;
    }
}
