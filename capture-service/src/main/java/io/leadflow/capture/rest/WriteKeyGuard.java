package io.leadflow.capture.rest;

import io.leadflow.capture.domain.Access;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.KeyKind;
import io.leadflow.capture.domain.KeyKind.Capability;
import io.leadflow.capture.domain.Origins;
import io.leadflow.capture.domain.PublicKeyScope;
import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.persistence.WriteKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks the write key of a capture request. The key travels as the HTTP Basic user with an empty
 * password, as in Segment's API, or as {@code writeKey} in the body (what browsers' beacons can send).
 */
@ApplicationScoped
class WriteKeyGuard {

    private static final String BASIC = "basic ";

    private final WriteKeyStore keys;
    private final CaptureMetrics metrics;
    private final RateLimits limits;

    WriteKeyGuard(WriteKeyStore keys, CaptureMetrics metrics, RateLimits limits) {
        this.limits = limits;
        this.keys = keys;
        this.metrics = metrics;
    }

    /** The key presented in the Authorization header, if any: checked before the body is read. */
    static Optional<String> headerKey(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return Optional.of(colon < 0 ? credentials : credentials.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses a bad key in the Authorization header before the body is read, so that it costs no
     * parsing; passes when there is none there or it may add engagement.
     *
     * @throws RequestRefused with a 401 or 403 problem
     */
    void requireBeforeBody(HttpHeaders headers, String ip) {
        if (headerKey(headers).isPresent()) {
            check(headers, ip, Optional.empty(), Capability.ENGAGE, false);
        }
    }

    /**
     * Passes when the request's key may do what it asks.
     *
     * @param ip the client's address: public keys are limited per address too
     * @param bodyKey the {@code writeKey} of the body, used when the header has none
     * @throws RequestRefused with a 401 (no or unknown key), 403 (a public key from another
     *     origin, or asking to identify) or 429 (over the key's or the address' rate limit) problem
     */
    WriteKey require(HttpHeaders headers, String ip, Optional<String> bodyKey, Capability capability) {
        return check(headers, ip, bodyKey, capability, true);
    }

    /**
     * Passes when a public key sends only what it may ({@link PublicKeyScope}); a secret key may send anything.
     *
     * @param outOfScope the fields a public key may not send, found in the request: looked for only when the key is
     *     public (a secret key's batch would walk every event for nothing)
     * @throws RequestRefused with a 403 problem naming each field, when the key is public and sent any
     */
    void requireInScope(WriteKey key, Supplier<List<FieldError>> outOfScope, int events) {
        if (key.kind() != KeyKind.PUBLIC) {
            return;
        }
        List<FieldError> found = outOfScope.get();
        if (!found.isEmpty()) {
            metrics.rejected(Rejection.FORBIDDEN, events);
            throw new RequestRefused(Problems.outOfScope(found));
        }
    }

    private WriteKey check(HttpHeaders headers, String ip, Optional<String> bodyKey, Capability capability, boolean count) {
        Optional<String> origin = Origins.of(Optional.ofNullable(headers.getHeaderString("Origin")),
                Optional.ofNullable(headers.getHeaderString("Referer")));
        Access access = keys.ring().check(headerKey(headers).or(() -> bodyKey), origin, capability);
        switch (access.outcome()) {
            case GRANTED -> {
                WriteKey key = access.key().orElseThrow();
                if (count) {
                    limits.requireKey(key.name());
                    if (key.kind() == KeyKind.PUBLIC) {
                        limits.requireAddress(ip);
                    }
                }
                return key;
            }
            case MISSING, UNKNOWN -> {
                metrics.rejected(Rejection.UNAUTHORIZED, 1);
                throw new RequestRefused(Problems.unauthorized(access.reason()));
            }
            case WRONG_ORIGIN, NOT_PERMITTED -> {
                metrics.rejected(Rejection.FORBIDDEN, 1);
                throw new RequestRefused(Problems.forbidden(access.reason()));
            }
        }
        throw new IllegalStateException("no such outcome: " + access.outcome());
    }
}
