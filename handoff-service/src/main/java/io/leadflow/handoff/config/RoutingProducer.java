package io.leadflow.handoff.config;

import io.leadflow.handoff.domain.RoundRobin;
import io.leadflow.handoff.domain.Routing;
import io.leadflow.handoff.domain.SlaPolicy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the routing and the SLA policy from {@link HandoffConfig}; a bad setting fails startup. */
public class RoutingProducer {

    /** The one queue every lead goes to until routing rules and queues are configurable. */
    private static final String DEFAULT_QUEUE = "default";

    @Produces
    @Singleton
    @Startup
    Routing routing(HandoffConfig config) {
        return new Routing(config.rule(), DEFAULT_QUEUE, new RoundRobin(config.reps()));
    }

    @Produces
    @Singleton
    @Startup
    SlaPolicy slaPolicy(HandoffConfig config) {
        return new SlaPolicy(config.sla());
    }
}
