package io.leadflow.scoring.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The fit part of {@link ScoringModelValidator}: rules with one matcher each, and grade minimums A > B > C. */
final class FitModelChecks {

    private final BiConsumer<String, String> problem;

    FitModelChecks(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    void check(String path, FitModel fit) {
        if (fit.rules() == null) {
            problem.accept(path + ".rules", "is required");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < fit.rules().size(); i++) {
                checkRule(path + ".rules[" + i + "]", fit.rules().get(i), ids);
            }
        }
        checkGrades(path + ".grades", fit);
    }

    private void checkRule(String path, FitRule rule, Set<String> ids) {
        if (rule == null) {
            problem.accept(path, "is required");
            return;
        }
        if (rule.id() == null || rule.id().isBlank()) {
            problem.accept(path + ".id", "is required");
        } else if (!ids.add(rule.id())) {
            problem.accept(path + ".id", "duplicate rule id " + rule.id());
        }
        if (rule.points() == null) {
            problem.accept(path + ".points", "is required");
        } else if (rule.points() == 0) {
            problem.accept(path + ".points", "must not be 0: a rule that gives nothing is no rule");
        }
        if (rule.matcherCount() != 1) {
            problem.accept(path, "must set exactly one of jobTitleKeywords, companySize, industries, countries, emailDomains");
        }
        for (String listName : List.of("jobTitleKeywords", "industries", "countries", "emailDomains")) {
            List<String> values = listNamed(rule, listName);
            if (values != null && (values.isEmpty() || values.stream().anyMatch(value -> value == null || value.isBlank()))) {
                problem.accept(path + "." + listName, "must list at least one value and no blank ones");
            }
        }
        if (rule.companySize() != null && !isBand(rule.companySize())) {
            problem.accept(path + ".companySize", "needs min and/or max, with min <= max");
        }
    }

    /** True when the band has an end at least, and its ends in order. */
    static boolean isBand(FitRule.SizeBand band) {
        return (band.min() != null || band.max() != null) && (band.min() == null || band.max() == null || band.min() <= band.max());
    }

    private static List<String> listNamed(FitRule rule, String name) {
        return switch (name) {
            case "jobTitleKeywords" -> rule.jobTitleKeywords();
            case "industries" -> rule.industries();
            case "countries" -> rule.countries();
            default -> rule.emailDomains();
        };
    }

    private void checkGrades(String path, FitModel fit) {
        if (fit.grades() == null) {
            problem.accept(path, "is required");
            return;
        }
        Integer previous = null;
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C)) {
            Integer minimum = fit.grades().get(grade);
            if (minimum == null) {
                problem.accept(path + "." + grade, "is required: the minimum fit score of grade " + grade);
            } else if (previous != null && minimum >= previous) {
                problem.accept(path + "." + grade, "must be lower than the minimum of the grade above");
            }
            previous = minimum == null ? previous : minimum;
        }
        if (fit.grades().containsKey(Grade.D)) {
            problem.accept(path + ".D", "D is every score below C's minimum and has no minimum of its own");
        }
    }
}
