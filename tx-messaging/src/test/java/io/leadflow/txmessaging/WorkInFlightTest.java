package io.leadflow.txmessaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkInFlightTest {

    private final WorkInFlight work = new WorkInFlight();

    @Test
    void closingWaitsForTheWorkRunningThenAdmitsNoMore() throws Exception {
        // Given two units running
        assertThat(work.tryEnter()).isTrue();
        assertThat(work.tryEnter()).isTrue();

        // When a stop waits for them while they end one after the other
        CompletableFuture<Integer> left = CompletableFuture.supplyAsync(() -> {
            try {
                return work.closeAndAwait(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(work::closed);
        assertThat(work.tryEnter()).as("admitted while stopping").isFalse();
        work.leave();
        assertThat(left).as("returned with one unit still running").isNotDone();
        work.leave();

        // Then the stop returns as soon as the last ended, with none left
        assertThat(left.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void closingGivesUpAfterItsPatienceAndSaysHowManyStillRun() throws Exception {
        work.tryEnter();

        assertThat(work.closeAndAwait(Duration.ofMillis(50))).isEqualTo(1);
        assertThat(work.closed()).isTrue();
    }

    @Test
    void closingWithNothingRunningReturnsAtOnce() throws Exception {
        assertThat(work.closeAndAwait(Duration.ofDays(1))).isZero();
    }

    @Test
    void leavingMoreOftenThanEnteringIsABug() {
        work.tryEnter();
        work.leave();

        assertThatThrownBy(work::leave).isInstanceOf(IllegalStateException.class);
    }
}
