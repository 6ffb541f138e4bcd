package io.leadflow.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringConfigTest {

    @Inject
    ScoringConfig config;

    @Test
    void everyEngagementTypeHasPointsWithTheDocumentedDefaults() {
        assertThat(config.points().byType()).containsOnlyKeys(EngagementType.values());
        assertThat(config.points().byType())
                .containsEntry(EngagementType.EMAIL_OPENED, 5)
                .containsEntry(EngagementType.DEMO_REQUESTED, 60)
                .containsEntry(EngagementType.EMAIL_UNSUBSCRIBED, -20);
        assertThat(config.mqlThreshold()).isEqualTo(100);
        assertThat(config.pricingPage().bonus()).isEqualTo(25);
        assertThat(config.pricingPage().urlContains()).isEqualTo("/pricing");
    }
}
