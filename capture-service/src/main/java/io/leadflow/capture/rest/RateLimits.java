package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.RateLimiter;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The per-key and per-IP rate limits: a client over its limit is answered 429 with Retry-After. */
@ApplicationScoped
class RateLimits {

    /** IP addresses remembered at most; idle ones are forgotten first. */
    private static final int MAX_ADDRESSES = 100_000;

    /** Keys made through the management API come and go: each gets its limiter when first used. */
    private final Map<String, RateLimiter> byKey = new ConcurrentHashMap<>();
    private final RateLimiter byIp;
    private final CaptureMetrics metrics;
    private final CaptureConfig config;

    RateLimits(CaptureConfig config, CaptureMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.byIp = new RateLimiter(config.rateLimits().perIp(), config.rateLimits().perIpBurst(), MAX_ADDRESSES, System::nanoTime);
    }

    /** @throws RequestRefused with a 429 problem when the key is over its limit */
    void requireKey(String keyName) {
        refuseIfLimited(byKey.computeIfAbsent(keyName, this::keyLimiter).acquire(keyName), "write key " + keyName);
    }

    /** A configured key's own limit, else the per-key default. */
    private RateLimiter keyLimiter(String keyName) {
        CaptureConfig.RateLimits defaults = config.rateLimits();
        Optional<CaptureConfig.WriteKeyEntry> configured = Optional.ofNullable(config.writeKeys().get(keyName));
        return new RateLimiter(configured.flatMap(CaptureConfig.WriteKeyEntry::ratePerSecond).orElse(defaults.perKey()),
                configured.flatMap(CaptureConfig.WriteKeyEntry::rateBurst).orElse(defaults.perKeyBurst()), 1, System::nanoTime);
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
