package io.leadflow.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {

    private final ScheduledExecutorService target = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() {
        target.shutdownNow();
    }

    /** A target that answers after {@code millis}. */
    private Sender answeringAfter(long millis) {
        return request -> {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            target.schedule(() -> answer.complete(true), millis, TimeUnit.MILLISECONDS);
            return answer;
        };
    }

    @Test
    void sendsAtTheFixedRateAndCountsEvents() throws Exception {
        OpenLoopLoad load = new OpenLoopLoad(answeringAfter(1), () -> new Request("{}", 10), 16);

        LoadResult result = load.run(200, Duration.ofSeconds(1));

        assertThat(result.requests()).isBetween(180L, 201L);
        assertThat(result.events()).isEqualTo(result.requests() * 10);
        assertThat(result.failures()).isZero();
    }

    @Test
    void aStallIsChargedToEveryRequestThatWaitedBehindIt() throws Exception {
        // Given a target that answers in 1 ms, except once when it stalls for 500 ms, and one request in flight
        AtomicInteger sent = new AtomicInteger();
        Sender stallingOnce = request -> sent.incrementAndGet() == 20 ? answeringAfter(500).send(request) : answeringAfter(1).send(request);
        OpenLoopLoad load = new OpenLoopLoad(stallingOnce, () -> new Request("{}", 1), 1);

        // When it runs at 100 requests a second for 2 s
        LoadResult result = load.run(100, Duration.ofSeconds(2));

        // Then the ~50 requests due during the stall are measured from when they were due, not when they went out:
        // p90 sees the stall, which a closed-loop measurement would have hidden in one slow request (p99 only)
        assertThat(result.percentileMillis(90)).isGreaterThan(100);
        assertThat(result.percentileMillis(50)).isLessThan(result.percentileMillis(90));
    }

    @Test
    void atSaturationKeepsTheRequestsInFlightBusy() throws Exception {
        OpenLoopLoad load = new OpenLoopLoad(answeringAfter(10), () -> new Request("{}", 1), 8);

        LoadResult result = load.run(0, Duration.ofSeconds(1));

        // 8 in flight, 10 ms each: about 800 a second, far more than one at a time could do (~100)
        assertThat(result.requestsPerSecond()).isGreaterThan(300);
    }

    @Test
    void aRefusedRequestIsAFailureNotAnEvent() throws Exception {
        OpenLoopLoad load = new OpenLoopLoad(request -> CompletableFuture.completedFuture(false), () -> new Request("{}", 5), 4);

        LoadResult result = load.run(100, Duration.ofMillis(500));

        assertThat(result.failures()).isPositive();
        assertThat(result.events()).isZero();
    }
}
