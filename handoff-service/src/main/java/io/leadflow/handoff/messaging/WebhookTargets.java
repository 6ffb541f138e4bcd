package io.leadflow.handoff.messaging;

import io.leadflow.handoff.config.WebhookConfig;
import io.leadflow.handoff.domain.WebhookUrlPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The {@link WebhookUrlPolicy} with the configured allow-list, checked when a subscription is made
 * or changed and again before every delivery (DNS may have changed since).
 */
@ApplicationScoped
public class WebhookTargets {

    private final WebhookUrlPolicy policy;
    private final Vertx vertx;

    public WebhookTargets(WebhookConfig config, Vertx vertx) {
        this.policy = new WebhookUrlPolicy(config.allowedHosts().orElse(List.of()), host -> List.of(InetAddress.getAllByName(host)));
        this.vertx = vertx;
    }

    /**
     * Why no webhook may be sent to {@code url}, or empty when one may. DNS is looked up on a worker
     * thread (unordered, so that parallel deliveries do not queue); the item comes back on the
     * caller's context. Fails with {@link java.net.UnknownHostException} when the host does not resolve.
     */
    public Uni<Optional<String>> refusal(String url) {
        return vertx.executeBlocking(() -> policy.refusal(URI.create(url)), false);
    }
}
