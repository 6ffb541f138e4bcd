package io.leadflow.apisecurity;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * {@code leadflow.http.*}: how large a request body each endpoint of a service takes (docs/security.md, "Request
 * bodies"). A small limit for every endpoint, larger ones only where an endpoint needs them.
 */
@ConfigMapping(prefix = "leadflow.http")
public interface BodyLimitsConfig {

    /** What any endpoint not named in {@link #bodyLimits()} takes; unset, {@code quarkus.http.limits.max-body-size}. */
    Optional<MemorySize> bodyLimit();

    /** The endpoints with limits of their own: a regular expression matching the whole path, and its limit. */
    Map<String, MemorySize> bodyLimits();
}
