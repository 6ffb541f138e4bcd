package io.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json, where
 * Quarkus itself answers an empty 413: a route just ahead of Quarkus' own check refuses a declared
 * Content-Length over the limit. (A chunked body without Content-Length still meets Quarkus' bare
 * 413 once it passes the limit.)
 */
@ApplicationScoped
class BodyLimitProblems {

    private final ObjectMapper json;
    private final CaptureMetrics metrics;
    private final Optional<MemorySize> limit;

    BodyLimitProblems(ObjectMapper json, CaptureMetrics metrics,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.json = json;
        this.metrics = metrics;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            if (declaredLength(context) > max.asLongValue()) {
                refuse(context, max.asLongValue());
            } else {
                context.next();
            }
        }));
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, long max) {
        metrics.rejected(Rejection.TOO_LARGE, 1);
        Problem problem = Problems.problem(413, "too-large", "Content too large",
                "a request body may take at most " + max + " bytes; nothing was captured",
                List.of(new FieldError("body", "is larger than " + max + " bytes")));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem could not be written as JSON", e);
        }
        // the unread body stays on the connection: close it once answered, as Quarkus' own check does
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body)
                .onComplete(done -> context.request().connection().close());
    }
}
