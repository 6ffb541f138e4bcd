package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.Grade;
import java.util.List;

/**
 * How well a lead fits: the fit rules that matched, their points' sum and its grade.
 *
 * @param score the sum of the matched rules' points
 * @param grade the grade of that score
 * @param matched the fit rules that matched, each with its points and reason
 */
public record FitScore(int score, Grade grade, List<RuleResult> matched) {

    public FitScore {
        matched = List.copyOf(matched);
    }
}
