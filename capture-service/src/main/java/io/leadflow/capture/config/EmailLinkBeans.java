package io.leadflow.capture.config;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.DevelopmentSecrets;
import io.leadflow.capture.domain.EmailLinkEvents;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.capture.domain.LinkTokens;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Wires the signed email links to the configuration. */
@ApplicationScoped
public class EmailLinkBeans {

    /** The link signer; a missing or short secret stops the start, saying what to set. */
    @Produces
    @Singleton
    @Startup
    LinkTokens linkTokens(CaptureConfig config) {
        List<String> secrets = config.linkSigningSecrets().orElse(List.of());
        if (secrets.isEmpty()) {
            throw new IllegalStateException(DevelopmentSecrets.NO_LINK_SECRET);
        }
        return new LinkTokens(secrets);
    }

    @Produces
    @Singleton
    EmailLinkEvents emailLinkEvents(BotClassifier bots) {
        return new EmailLinkEvents(new IdentityRules(new SchemaEmailFormat()), Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), bots);
    }
}
