package io.leadflow.capture.config;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.EmailLinkEvents;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.capture.domain.LinkTokens;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;

/** Wires the signed email links to the configuration. */
@ApplicationScoped
public class EmailLinkBeans {

    /** The link signer; a missing or short secret stops the start. */
    @Produces
    @Singleton
    @Startup
    LinkTokens linkTokens(CaptureConfig config) {
        return new LinkTokens(config.linkSigningSecrets());
    }

    @Produces
    @Singleton
    EmailLinkEvents emailLinkEvents(BotClassifier bots) {
        return new EmailLinkEvents(new IdentityRules(new SchemaEmailFormat()), Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), bots);
    }
}
