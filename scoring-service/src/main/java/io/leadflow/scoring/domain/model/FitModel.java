package io.leadflow.scoring.domain.model;

import java.util.List;
import java.util.Map;

/**
 * How well a lead fits the ideal customer profile: the fit rules' points add up to a fit score,
 * and the grade is the best one whose minimum the score reaches (below C's minimum: D).
 *
 * @param rules the fit rules
 * @param grades the minimum fit score of grades A, B and C
 */
public record FitModel(List<FitRule> rules, Map<Grade, Integer> grades) {

    public FitModel {
        rules = rules == null ? null : List.copyOf(rules);
        grades = grades == null ? null : Map.copyOf(grades);
    }

    /** The grade of a fit score. */
    public Grade gradeOf(int fitScore) {
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C)) {
            if (fitScore >= grades.get(grade)) {
                return grade;
            }
        }
        return Grade.D;
    }
}
