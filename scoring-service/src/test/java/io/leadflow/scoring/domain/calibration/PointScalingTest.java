package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.FitRule;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.ScoringModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Learned weights as points beside the current ones. */
class PointScalingTest {

    private static final ScoringModel MODEL = new ScoringModel(List.of(
            new EngagementRule("webinar", EngagementType.WEBINAR_ATTENDED, 10, null, null),
            new EngagementRule("pricing", EngagementType.PAGE_VIEWED, 40, null, null),
            new EngagementRule("unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED, -20, null, null),
            new EngagementRule("opened", EngagementType.EMAIL_OPENED, 5, null, null),
            new EngagementRule("trial", EngagementType.TRIAL_STARTED, 30, null, null)),
            null,
            new FitModel(List.of(new FitRule("senior", 30, List.of("vp"), null, null, null, null)), Map.of(Grade.A, 60, Grade.B, 40, Grade.C, 20)),
            new Lifecycle(new Lifecycle.Threshold(100, Grade.B), null));

    @Test
    void theSupportedRulesKeepTheSizeOfTheirCurrentPointsTogetherAndSignsAreKept() {
        // given weights 2, 1 and -0.5 that the data support, one they do not, one never seen; and the fit rule's
        LogisticRegression.Fitted fitted = new LogisticRegression.Fitted(-1, new double[] {2, 1, -0.5, 0.3, 0, 0.8},
                new double[] {8, 5, -3, 1.2, 0, 4}, new boolean[] {true, true, true, true, false, true});

        // when
        List<RuleSuggestion> rules = PointScaling.suggest(FeatureSpace.of(MODEL), fitted);

        // then the supported engagement rules' points (10, 40, -20) have a root mean square of 26.5, as do 40, 20 and -10
        assertThat(rules).extracting(RuleSuggestion::suggestedPoints).containsExactly(40, 20, -10, 0, 30, 30);
        assertThat(rules).extracting(RuleSuggestion::status).containsExactly(RuleSuggestion.Status.LEARNED, RuleSuggestion.Status.LEARNED,
                RuleSuggestion.Status.LEARNED, RuleSuggestion.Status.ADDS_NOTHING, RuleSuggestion.Status.UNSEEN, RuleSuggestion.Status.LEARNED);
    }

    @Test
    void aWeightThatRoundsToNothingAddsNothing() {
        // given a supported weight a hundredth of the largest: 0.4 points
        LogisticRegression.Fitted fitted = new LogisticRegression.Fitted(0, new double[] {1, 0.01, 0, 0, 0, 0},
                new double[] {9, 3, 0, 0, 0, 0}, new boolean[] {true, true, false, false, false, false});

        // when
        List<RuleSuggestion> rules = PointScaling.suggest(FeatureSpace.of(MODEL), fitted);

        // then
        assertThat(rules.get(1).status()).isEqualTo(RuleSuggestion.Status.ADDS_NOTHING);
        assertThat(rules.get(1).suggestedPoints()).isZero();
    }
}
