package io.leadflow.handoff.config;

import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.handoff.domain.RoutingDocument;
import io.leadflow.handoff.domain.RoutingValidator;
import io.leadflow.handoff.domain.SlaTerms;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the default routing document from {@link HandoffConfig}; a bad setting fails startup. */
public class RoutingProducer {

    @Produces
    @Singleton
    @Startup
    RoutingDocument defaultRouting(HandoffConfig config) {
        RoutingDocument document = RoutingDocument.byDefault(config.rule(), config.reps(), SlaTerms.wallClock(config.sla()));
        List<FieldProblem> problems = RoutingValidator.problems(document);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the leadflow.handoff settings make no valid routing: " + problems);
        }
        return document;
    }
}
