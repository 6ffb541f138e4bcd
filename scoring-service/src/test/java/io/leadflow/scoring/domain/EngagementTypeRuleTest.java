package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementTypeRuleTest {

    private final EngagementTypeRule rule = new EngagementTypeRule(Map.of(
            EngagementType.DEMO_REQUESTED, 60,
            EngagementType.EMAIL_UNSUBSCRIBED, -20,
            EngagementType.EMAIL_OPENED, 0));

    @Test
    void givesTheConfiguredPointsOfTheType() {
        // when
        var result = rule.evaluate(Engagements.of("e1", EngagementType.DEMO_REQUESTED));

        // then
        assertThat(result).contains(new RuleResult(EngagementTypeRule.ID, 60, "demo.requested is worth 60 points"));
    }

    @Test
    void takesPointsAwayForNegativeSignals() {
        assertThat(rule.evaluate(Engagements.of("e1", EngagementType.EMAIL_UNSUBSCRIBED)))
                .hasValueSatisfying(result -> assertThat(result.points()).isEqualTo(-20));
    }

    @Test
    void doesNotApplyToATypeWorthNothing() {
        assertThat(rule.evaluate(Engagements.of("e1", EngagementType.EMAIL_OPENED))).isEmpty();
        assertThat(rule.evaluate(Engagements.of("e2", EngagementType.TRIAL_STARTED))).isEmpty();
    }
}
