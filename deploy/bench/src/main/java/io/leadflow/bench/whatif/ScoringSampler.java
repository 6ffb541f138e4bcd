package io.leadflow.bench.whatif;

import io.leadflow.bench.resources.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches scoring-service while a preview or a replay runs, four times a second: its resident memory (/proc), its
 * heap in use (Micrometer's {@code jvm_memory_used_bytes} of the heap's pools) and whether it is ready. Keeps the
 * peaks and how often it was not ready.
 */
final class ScoringSampler implements AutoCloseable {

    private final Optional<ServiceProcess> process;
    private final String healthUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private double peakRssMegabytes;
    private double peakHeapMegabytes;
    private double heapMaxMegabytes;
    private int samples;
    private int notReady;

    ScoringSampler(Optional<ServiceProcess> process, String healthUrl) {
        this.process = process;
        this.healthUrl = healthUrl;
    }

    ScoringSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sample() {
        double rss = process.map(p -> {
            try {
                return p.rssMegabytes();
            } catch (Exception gone) {
                return 0.0;
            }
        }).orElse(0.0);
        boolean ready = status("/q/health/ready") == 200;
        double[] heap = heapMegabytes();
        synchronized (this) {
            samples++;
            peakRssMegabytes = Math.max(peakRssMegabytes, rss);
            peakHeapMegabytes = Math.max(peakHeapMegabytes, heap[0]);
            heapMaxMegabytes = Math.max(heapMaxMegabytes, heap[1]);
            if (!ready) {
                notReady++;
            }
        }
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(healthUrl + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception unanswered) {
            return 0;
        }
    }

    // used and max of the heap's pools, from the Prometheus text
    private double[] heapMegabytes() {
        double used = 0;
        double max = 0;
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(healthUrl + "/q/metrics")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.split("\n")) {
                if (line.contains("area=\"heap\"")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1024 * 1024);
                    if (line.startsWith("jvm_memory_used_bytes")) {
                        used += value;
                    } else if (line.startsWith("jvm_memory_max_bytes") && value > 0) {
                        max += value;
                    }
                }
            }
        } catch (Exception unanswered) {
            // a missed sample; the next may answer
        }
        return new double[] {used, max};
    }

    synchronized double peakRssMegabytes() {
        return peakRssMegabytes;
    }

    synchronized double peakHeapMegabytes() {
        return peakHeapMegabytes;
    }

    synchronized double heapMaxMegabytes() {
        return heapMaxMegabytes;
    }

    synchronized int samples() {
        return samples;
    }

    synchronized int notReady() {
        return notReady;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
