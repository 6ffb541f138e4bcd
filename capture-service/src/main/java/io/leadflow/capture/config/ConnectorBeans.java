package io.leadflow.capture.config;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.capture.domain.connector.ConnectorEvents;
import io.leadflow.capture.domain.connector.FacebookLeadAds;
import io.leadflow.capture.domain.connector.LinkedInLeadGen;
import io.leadflow.capture.domain.connector.MailchimpWebhook;
import io.leadflow.capture.domain.connector.MandrillWebhook;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Wires the plain-Java connector rules; a connector of a workspace with no configured write key stops the start. */
@ApplicationScoped
public class ConnectorBeans {

    private final ConnectorEvents events = new ConnectorEvents(new IdentityRules(new SchemaEmailFormat()), Clock.systemUTC());

    @Produces
    @Singleton
    MailchimpWebhook mailchimpWebhook() {
        return new MailchimpWebhook(events);
    }

    @Produces
    @Singleton
    MandrillWebhook mandrillWebhook(BotClassifier bots) {
        return new MandrillWebhook(events, bots);
    }

    @Produces
    @Singleton
    FacebookLeadAds facebookLeadAds() {
        return new FacebookLeadAds(events);
    }

    @Produces
    @Singleton
    LinkedInLeadGen linkedInLeadGen() {
        return new LinkedInLeadGen(events);
    }

    /** The client vendor APIs are called with (the base URL is each connector's own setting). */
    @Produces
    @Singleton
    WebClient vendorApiClient(Vertx vertx) {
        return WebClient.create(vertx);
    }

    /** Checks at start that every connector feeds the workspace of a configured write key. */
    @Produces
    @Singleton
    @Startup
    ConnectorWorkspaces connectorWorkspaces(CaptureConfig config) {
        config.connectors().keySet().stream()
                .filter(workspace -> !config.writeKeys().containsKey(workspace))
                .findFirst()
                .ifPresent(workspace -> {
                    throw new IllegalStateException("leadflow.capture.connectors.\"" + workspace
                            + "\": no write key of that name is configured (leadflow.capture.write-keys)");
                });
        return new ConnectorWorkspaces(config.connectors());
    }

    /** The connectors of each workspace, by write-key name. */
    public record ConnectorWorkspaces(Map<String, CaptureConfig.Connectors> byWorkspace) {

        public Optional<CaptureConfig.Connectors> of(String workspace) {
            return Optional.ofNullable(byWorkspace.get(workspace));
        }
    }
}
