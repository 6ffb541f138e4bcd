package io.leadflow.apisecurity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The largest request body each path takes: its own limit where one names it, else the service's default. */
public final class EndpointBodyLimits {

    private final long defaultLimit;
    private final Map<Pattern, Long> ownLimits = new LinkedHashMap<>();

    /** @param ownLimits regular expressions of whole paths, and their limits in bytes */
    public EndpointBodyLimits(long defaultLimit, Map<String, Long> ownLimits) {
        this.defaultLimit = defaultLimit;
        ownLimits.forEach((path, limit) -> this.ownLimits.put(Pattern.compile(path), limit));
    }

    /** The limit of {@code path}; a path two patterns match takes the larger limit. */
    public long limitOf(String path) {
        return ownLimits.entrySet().stream().filter(own -> own.getKey().matcher(path).matches())
                .mapToLong(Map.Entry::getValue).max().orElse(defaultLimit);
    }

    /** The largest limit of any path: what the server itself must let through. */
    public long largest() {
        return ownLimits.values().stream().mapToLong(Long::longValue).reduce(defaultLimit, Math::max);
    }
}
