package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.RateLimiter;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The per-key and per-IP rate limits: a client over its limit is answered 429 with Retry-After. */
@ApplicationScoped
class RateLimits {

    /** IP addresses remembered at most; idle ones are forgotten first. */
    private static final int MAX_ADDRESSES = 100_000;

    private final Map<String, RateLimiter> byKey = new HashMap<>();
    private final RateLimiter byIp;
    private final CaptureMetrics metrics;

    RateLimits(CaptureConfig config, CaptureMetrics metrics) {
        this.metrics = metrics;
        CaptureConfig.RateLimits limits = config.rateLimits();
        config.writeKeys().forEach((name, key) -> byKey.put(name, new RateLimiter(key.ratePerSecond().orElse(limits.perKey()),
                key.rateBurst().orElse(limits.perKeyBurst()), 1, System::nanoTime)));
        this.byIp = new RateLimiter(limits.perIp(), limits.perIpBurst(), MAX_ADDRESSES, System::nanoTime);
    }

    /** @throws RequestRefused with a 429 problem when the key is over its limit */
    void requireKey(String keyName) {
        RateLimiter limiter = byKey.get(keyName);
        if (limiter != null) {
            refuseIfLimited(limiter.acquire(keyName), "write key " + keyName);
        }
    }

    /** @throws RequestRefused with a 429 problem when the address is over its limit */
    void requireAddress(String ip) {
        refuseIfLimited(allowAddress(ip), "address " + ip);
    }

    /** When the address is over its limit, how long it should wait; for answers that cannot be refused. */
    Optional<Duration> allowAddress(String ip) {
        return ip == null ? Optional.empty() : byIp.acquire(ip);
    }

    private void refuseIfLimited(Optional<Duration> wait, String client) {
        if (wait.isPresent()) {
            metrics.rejected(Rejection.RATE_LIMITED, 1);
            throw new RequestRefused(Problems.tooManyRequests(client, wait.get()));
        }
    }
}
