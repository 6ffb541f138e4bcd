package io.leadflow.scoring.domain;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.Cap;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.EventCondition;
import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.FitRule;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small scoring models for the domain tests, built in code so each test shows the rules it relies on. */
final class Models {

    static final FitModel TITLE_FIT = new FitModel(
            List.of(fitRule("senior-title", 30).withTitles("vp", "chief"), fitRule("target-country", 15).withCountries("GB")),
            Map.of(Grade.A, 60, Grade.B, 40, Grade.C, 20));

    static final Lifecycle MQL_AT_100_AND_B = new Lifecycle(new Lifecycle.Threshold(100, Grade.B), null);

    private Models() {
    }

    static EngagementRule rule(String id, EngagementType type, int points) {
        return new EngagementRule(id, type, points, null, null);
    }

    static EngagementRule rule(String id, EngagementType type, int points, EventCondition when) {
        return new EngagementRule(id, type, points, when, null);
    }

    static EngagementRule capped(String id, EngagementType type, int points, int max, Duration per) {
        return new EngagementRule(id, type, points, null, new Cap(max, per));
    }

    static EventCondition path(String pattern) {
        return new EventCondition(pattern, null, null, null);
    }

    static ScoringModel model(List<EngagementRule> rules, Decay decay) {
        return new ScoringModel(rules, decay, TITLE_FIT, MQL_AT_100_AND_B);
    }

    static FitRuleBuilder fitRule(String id, int points) {
        return new FitRuleBuilder(id, points);
    }

    /** Builds a fit rule with one matcher. */
    record FitRuleBuilder(String id, int points) {

        FitRule withTitles(String... keywords) {
            return new FitRule(id, points, List.of(keywords), null, null, null, null);
        }

        FitRule withSize(Integer min, Integer max) {
            return new FitRule(id, points, null, new FitRule.SizeBand(min, max), null, null, null);
        }

        FitRule withIndustries(String... industries) {
            return new FitRule(id, points, null, null, List.of(industries), null, null);
        }

        FitRule withCountries(String... countries) {
            return new FitRule(id, points, null, null, null, List.of(countries), null);
        }

        FitRule withEmailDomains(String... domains) {
            return new FitRule(id, points, null, null, null, null, List.of(domains));
        }
    }
}
