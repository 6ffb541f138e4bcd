package io.leadflow.handoff.console;

import io.leadflow.handoff.config.ConsoleConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Sends every answer under {@code /console} the console's {@link ConsolePolicy} (the APIs keep theirs, from
 * {@code quarkus.http.filter.api-policy}). Written here rather than in application.properties because it names the
 * OIDC provider's origin, which only the issuer's URL gives.
 */
@ApplicationScoped
class ConsolePolicyRoute {

    private static final Pattern CONSOLE = Pattern.compile("/console(/.*)?");

    private final String policy;

    ConsolePolicyRoute(ConsoleConfig config) {
        if (config.oidc().clientId().isPresent() && config.oidc().issuer().isEmpty()) {
            throw new IllegalStateException("leadflow.console.oidc.client-id is set but no issuer: set leadflow.console.oidc.issuer"
                    + " (LEADFLOW_CONSOLE_OIDC_ISSUER) or mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER)");
        }
        this.policy = ConsolePolicy.of(config.scoringUrl(), config.crmSyncUrl(),
                config.oidc().clientId().flatMap(client -> config.oidc().issuer()));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addPolicy);
    }

    private void addPolicy(RoutingContext context) {
        if (CONSOLE.matcher(context.normalizedPath()).matches()) {
            context.response().putHeader("Content-Security-Policy", policy);
        }
        context.next();
    }
}
