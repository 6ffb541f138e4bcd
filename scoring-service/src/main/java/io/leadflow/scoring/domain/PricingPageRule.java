package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import java.util.Optional;

/** A bonus for viewing the pricing page: a buying signal worth more than any other page view. */
public final class PricingPageRule implements ScoringRule {

    public static final String ID = "pricing-page";

    private final String urlFragment;
    private final int bonus;

    /**
     * @param urlFragment what the page's url contains when it is the pricing page, such as {@code /pricing}
     * @param bonus the points added on top of the page view's own
     */
    public PricingPageRule(String urlFragment, int bonus) {
        if (urlFragment == null || urlFragment.isBlank()) {
            throw new IllegalArgumentException("the pricing page url fragment must not be blank");
        }
        this.urlFragment = urlFragment;
        this.bonus = bonus;
    }

    @Override
    public Optional<RuleResult> evaluate(Engagement engagement) {
        if (engagement.type() != EngagementType.PAGE_VIEWED || bonus == 0) {
            return Optional.empty();
        }
        return engagement.property("url")
                .filter(url -> url.contains(urlFragment))
                .map(url -> new RuleResult(ID, bonus, "viewed the pricing page " + url));
    }
}
