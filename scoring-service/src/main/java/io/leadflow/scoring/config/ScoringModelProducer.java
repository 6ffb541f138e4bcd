package io.leadflow.scoring.config;

import io.leadflow.scoring.domain.EngagementTypeRule;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.LifecyclePolicy;
import io.leadflow.scoring.domain.PricingPageRule;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** Builds the plain-Java scoring model from the configuration, so the domain never sees Quarkus. */
public class ScoringModelProducer {

    @Produces
    @Singleton
    LeadScorer leadScorer(ScoringConfig config) {
        return new LeadScorer(
                List.of(new EngagementTypeRule(config.points().byType()),
                        new PricingPageRule(config.pricingPage().urlContains(), config.pricingPage().bonus())),
                new LifecyclePolicy(config.mqlThreshold()));
    }
}
