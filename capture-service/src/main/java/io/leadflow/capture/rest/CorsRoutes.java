package io.leadflow.capture.rest;

import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.FormCatalog;
import io.leadflow.capture.domain.Origins;
import io.leadflow.capture.persistence.WriteKeyStore;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CORS for the capture API: web pages on the origins of the public keys (and of origin-bound forms)
 * may call it; a preflight is answered at once and cached by the browser for {@code cors-max-age}.
 * Whether the key fits the origin is checked per request ({@link WriteKeyGuard}): a preflight
 * carries no key.
 */
@ApplicationScoped
class CorsRoutes {

    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    private static final String ADMIN_PATH = "/v1/admin/";

    private final WriteKeyStore keys;
    private final List<String> formOrigins;
    private final long maxAgeSeconds;

    CorsRoutes(WriteKeyStore keys, FormCatalog forms, CaptureConfig config) {
        this.keys = keys;
        this.formOrigins = forms.allowedOrigins();
        this.maxAgeSeconds = config.corsMaxAge().toSeconds();
    }

    void install(@Observes Router router) {
        // ahead of the body limit, so that even its 413 can be read by the page
        router.route("/v1/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.normalizedPath().startsWith(ADMIN_PATH)) {
            // management is for operators' tools, not for web pages: no CORS, so browsers refuse it cross-origin
            context.next();
            return;
        }
        // the keys' origins as they are now: keys made or revoked through the management API count at once
        List<String> keyOrigins = keys.ring().publicOrigins();
        Optional<String> origin = Optional.ofNullable(context.request().getHeader("Origin")).flatMap(Origins::normalize);
        boolean allowed = origin.filter(from -> Stream.concat(keyOrigins.stream(), formOrigins.stream())
                .anyMatch(pattern -> Origins.matches(pattern, from))).isPresent();
        context.response().putHeader("Vary", "Origin");
        if (allowed) {
            context.response()
                    .putHeader("Access-Control-Allow-Origin", context.request().getHeader("Origin"))
                    .putHeader("Access-Control-Allow-Credentials", "true");
        }
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            context.next();
        } else if (allowed) {
            context.response()
                    .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", Long.toString(maxAgeSeconds))
                    .setStatusCode(204)
                    .end();
        } else {
            // no CORS headers: the browser refuses the call
            context.response().setStatusCode(403).end();
        }
    }
}
