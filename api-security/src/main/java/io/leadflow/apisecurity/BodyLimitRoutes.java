package io.leadflow.apisecurity;

import io.leadflow.problems.Problem;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body over its endpoint's limit ({@link BodyLimitsConfig}) with a 413 problem+json naming the
 * limit, before anything reads it. Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) is one for the
 * whole server and answers an empty 413: these routes run around its check. A declared Content-Length over the
 * limit is answered here, ahead of Quarkus' check; a body sent without one (chunked) is given the endpoint's limit
 * as the most Quarkus reads of it, after its check, so it is cut there (with Quarkus' bare 413).
 */
@ApplicationScoped
class BodyLimitRoutes {

    /** Where Quarkus' limit check leaves, for a body of undeclared length, the most its readers take of it. */
    static final String QUARKUS_READ_LIMIT = "io.quarkus.max-request-size";
    static final String PROBLEM_TYPE = Problem.TYPES + "too-large";

    private final EndpointBodyLimits limits;
    private final long serverLimit;
    private final Event<BodyTooLarge> refusals;

    BodyLimitRoutes(BodyLimitsConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize serverLimit,
            Event<BodyTooLarge> refusals) {
        Map<String, Long> own = config.bodyLimits().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, limit -> limit.getValue().asLongValue()));
        this.limits = new EndpointBodyLimits(config.bodyLimit().orElse(serverLimit).asLongValue(), own);
        this.serverLimit = serverLimit.asLongValue();
        this.refusals = refusals;
    }

    /** An endpoint's limit over the server's could never be reached: Quarkus would refuse the body first. */
    void check(@Observes StartupEvent start) {
        if (limits.largest() > serverLimit) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + serverLimit + " bytes) is below the largest "
                    + "leadflow.http.body-limit(s) (" + limits.largest() + " bytes): set it to at least that");
        }
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOverLimit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::capUndeclared);
    }

    private void refuseDeclaredOverLimit(RoutingContext context) {
        long limit = limits.limitOf(context.normalizedPath());
        if (declaredLength(context) > limit) {
            refuse(context, limit);
        } else {
            context.next();
        }
    }

    private void capUndeclared(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            context.put(QUARKUS_READ_LIMIT, limits.limitOf(context.normalizedPath()));
        }
        context.next();
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, long limit) {
        refusals.fire(new BodyTooLarge(context.normalizedPath(), limit));
        String detail = "a request body here may take at most " + limit + " bytes; nothing was done";
        JsonObject problem = new JsonObject()
                .put("type", PROBLEM_TYPE)
                .put("title", "Content too large")
                .put("status", 413)
                .put("detail", detail)
                .put("limit", limit)
                .put("errors", new JsonArray().add(new JsonObject().put("field", "body").put("message", "is larger than " + limit + " bytes")));
        // the unread body stays on the connection: close it once answered, as Quarkus' own check does
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode())
                .onComplete(done -> context.request().connection().close());
    }
}
