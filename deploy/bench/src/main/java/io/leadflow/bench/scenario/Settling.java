package io.leadflow.bench.scenario;

import io.leadflow.bench.kafka.KafkaAdmin;
import io.leadflow.bench.report.Figure;
import io.leadflow.bench.report.Report;
import io.leadflow.events.Topics;
import java.time.Duration;

/**
 * Waits until the consuming services have read what earlier scenarios wrote (capture's phases leave
 * scoring a backlog), so that the pipeline's lag and latency and the catch-up's drain are their own
 * and not the tail of the scenario before. Runs before those two; how long it took is in the report.
 */
public final class Settling {

    /** The lag, summed over the services' groups, at a moment. */
    @FunctionalInterface
    public interface Lag {
        long total() throws Exception;
    }

    /** @param seconds how long the wait took; {@code lagAtEnd > 0} when it gave up */
    public record Outcome(long lagAtStart, long lagAtEnd, double seconds) {
    }

    private Settling() {
    }

    /** The services' lag: scoring on engagement, handoff on lifecycle, crm-sync on handoffs. */
    public static Lag of(KafkaAdmin admin) {
        return () -> admin.lag("scoring-service", Topics.ENGAGEMENT) + admin.lag("handoff-service", Topics.LIFECYCLE)
                + admin.lag("crm-sync-service", Topics.HANDOFFS);
    }

    /** Polls {@code lag} every {@code every} until it is zero or {@code max} has passed. */
    public static Outcome await(Lag lag, Duration max, Duration every) throws Exception {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        long atStart = lag.total();
        long now = atStart;
        while (now > 0 && System.nanoTime() < deadline) {
            Thread.sleep(every.toMillis());
            now = lag.total();
        }
        return new Outcome(atStart, now, (System.nanoTime() - start) / 1e9);
    }

    /** Waits before {@code scenario} and says so in the report. */
    public static void before(String scenario, Lag lag, Duration max, Report report) throws Exception {
        long atStart = lag.total();
        if (atStart <= 0) {
            return;
        }
        System.out.printf("[bench] waiting for the services to read what earlier scenarios wrote (lag %,d) before %s%n", atStart, scenario);
        Outcome outcome = await(lag, max, Duration.ofSeconds(1));
        report.add(Figure.of(scenario, "lag left by earlier scenarios", outcome.lagAtStart(), "records"));
        report.add(Figure.of(scenario, "waited for it to drain", outcome.seconds(), "s"));
        if (outcome.lagAtEnd() > 0) {
            report.note(scenario + ": started with a lag of " + outcome.lagAtEnd() + " records left by earlier scenarios (waited "
                    + Math.round(outcome.seconds()) + " s): its figures include draining them");
        }
    }
}
