package io.leadflow.capture.config;

import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.EventValidator;
import io.leadflow.capture.domain.FormCatalog;
import io.leadflow.capture.domain.FormDefinition;
import io.leadflow.capture.domain.FormMapper;
import io.leadflow.capture.domain.IdentityRules;
import io.leadflow.capture.domain.SegmentEventNames;
import io.leadflow.capture.domain.SegmentMapper;
import io.leadflow.capture.domain.WriteKeyIssuer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Wires the plain-Java capture rules to the configuration. */
@ApplicationScoped
public class CaptureBeans {

    private final IdentityRules identityRules = new IdentityRules(new SchemaEmailFormat());
    private final Clock clock = Clock.systemUTC();
    private final BotClassifier botClassifier = new BotClassifier();

    @Produces
    @Singleton
    EventValidator eventValidator(SegmentEventNames names) {
        return new EventValidator(identityRules, clock, CaptureBeans::newEventId, names);
    }

    /** The built-in event names and the configured ones; an entry naming no built-in type stops the start. */
    @Produces
    @Singleton
    @Startup
    SegmentEventNames eventNames(CaptureConfig config) {
        return new SegmentEventNames(config.eventNames());
    }

    @Produces
    @Singleton
    FormMapper formMapper() {
        return new FormMapper(identityRules, clock, CaptureBeans::newEventId);
    }

    @Produces
    @Singleton
    SegmentMapper segmentMapper(SegmentEventNames names) {
        return new SegmentMapper(identityRules, clock, CaptureBeans::newEventId, botClassifier, names);
    }

    @Produces
    @Singleton
    BotClassifier botClassifier() {
        return botClassifier;
    }

    /** The configured forms; an unknown event type or a broken trait mapping stops the start. */
    @Produces
    @Singleton
    @Startup
    FormCatalog formCatalog(CaptureConfig config) {
        return new FormCatalog(config.forms().entrySet().stream()
                .map(form -> FormDefinition.of(form.getKey(), form.getValue().eventType(), form.getValue().thankYouUrl(),
                        form.getValue().emailField(), form.getValue().anonymousIdField(), form.getValue().traits(),
                        form.getValue().allowedOrigins().orElse(List.of()), form.getValue().honeypotField()))
                .toList());
    }

    @Produces
    @Singleton
    WriteKeyIssuer writeKeyIssuer() {
        return new WriteKeyIssuer(new SecureRandom(), clock);
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
