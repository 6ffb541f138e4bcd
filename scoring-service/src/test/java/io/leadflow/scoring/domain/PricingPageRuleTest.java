package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingPageRuleTest {

    private final PricingPageRule rule = new PricingPageRule("/pricing", 15);

    @Test
    void givesTheBonusForAViewOfThePricingPage() {
        // when
        var result = rule.evaluate(Engagements.pageView("e1", "https://example.com/pricing?plan=team"));

        // then
        assertThat(result).hasValueSatisfying(bonus -> {
            assertThat(bonus.ruleId()).isEqualTo(PricingPageRule.ID);
            assertThat(bonus.points()).isEqualTo(15);
            assertThat(bonus.reason()).contains("https://example.com/pricing?plan=team");
        });
    }

    @Test
    void doesNotApplyToOtherPages() {
        assertThat(rule.evaluate(Engagements.pageView("e1", "https://example.com/blog"))).isEmpty();
    }

    @Test
    void doesNotApplyToAPageViewWithoutUrl() {
        assertThat(rule.evaluate(Engagements.of("e1", EngagementType.PAGE_VIEWED))).isEmpty();
    }

    @Test
    void doesNotApplyToOtherEngagementsNamingThePricingUrl() {
        // given an email click whose link led to the pricing page
        Engagement click = new Engagement("e1", EngagementType.EMAIL_CLICKED, Engagements.NOON,
                Map.of("url", "https://example.com/pricing"), Map.of());

        // then only a page view earns the bonus
        assertThat(rule.evaluate(click)).isEmpty();
    }

    @Test
    void needsAUrlFragment() {
        assertThatThrownBy(() -> new PricingPageRule(" ", 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
