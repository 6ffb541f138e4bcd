package io.leadflow.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests on a fixed schedule, whatever the target's answers (open loop), or as fast as a
 * fixed number of requests in flight allows (saturation).
 *
 * <p>At a fixed rate, request {@code i} is due at {@code start + i / rate} and its latency is measured
 * from that intended start, not from when it was actually sent: when the target stalls, the
 * requests that queue behind the stall are charged for the wait, so the histogram is not fooled by
 * coordinated omission. At saturation there is no schedule and latency is each request's own time.
 */
public final class OpenLoopLoad {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Sender sender;
    private final Supplier<Request> requests;
    private final int maxInFlight;

    public OpenLoopLoad(Sender sender, Supplier<Request> requests, int maxInFlight) {
        this.sender = sender;
        this.requests = requests;
        this.maxInFlight = maxInFlight;
    }

    /** Runs at {@code ratePerSecond} requests a second, or at saturation when it is 0 or less. */
    public LoadResult run(double ratePerSecond, Duration duration) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        boolean saturate = ratePerSecond <= 0;
        long intervalNanos = saturate ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; ; i++) {
            long intended = saturate ? 0 : start + i * intervalNanos;
            if (!saturate) {
                parkUntil(intended);
            }
            if (System.nanoTime() >= end) {
                break;
            }
            inFlight.acquire();
            long measuredFrom = saturate ? System.nanoTime() : intended;
            Request request = requests.get();
            sender.send(request).whenComplete((ok, failure) -> {
                latency.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - measuredFrom) / 1000));
                if (Boolean.TRUE.equals(ok)) {
                    accepted.incrementAndGet();
                    events.addAndGet(request.events());
                } else {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        // the requests still in flight belong to the run: wait for them, and count their time
        if (!inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) {
            failures.addAndGet(maxInFlight - inFlight.availablePermits());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadResult(accepted.get(), events.get(), failures.get(), seconds, latency.copy());
    }

    private static void parkUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
