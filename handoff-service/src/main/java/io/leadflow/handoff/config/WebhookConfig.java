package io.leadflow.handoff.config;

import io.leadflow.txmessaging.Backoff;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhook deliveries are sent and retried. */
@ConfigMapping(prefix = "leadflow.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for deliveries that are due. */
    @WithDefault("1s")
    String pollInterval();

    /** The most deliveries one dispatcher pass sends (in parallel). */
    @WithDefault("50")
    int batchSize();

    /** How long a receiver has to answer one delivery. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The wait after the first failed attempt; it doubles after each further one (with jitter). */
    @WithDefault("PT10S")
    Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryMax();

    /** Attempts in all before a delivery is marked failed. */
    @WithDefault("12")
    int maxAttempts();

    /** How long the secrets a rotation replaces keep signing, so receivers can switch over. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /**
     * Hosts (names or addresses, comma-separated) webhooks may be sent to even over http or when they
     * resolve to a private, loopback or link-local address; every other URL must be https to a public address.
     */
    Optional<List<String>> allowedHosts();

    default Backoff backoff() {
        return new Backoff(retryBase(), retryMax());
    }
}
