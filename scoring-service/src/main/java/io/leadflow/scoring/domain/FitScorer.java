package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.FitRule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Grades a lead's profile (traits and email) with the model's fit rules. */
public final class FitScorer {

    private final FitModel model;
    // compiled once per model: fit is scored for every engagement
    private final Map<String, Pattern> wholeWords = new HashMap<>();

    public FitScorer(FitModel model) {
        this.model = model;
        model.rules().stream().filter(rule -> rule.jobTitleKeywords() != null).flatMap(rule -> rule.jobTitleKeywords().stream())
                .forEach(keyword -> wholeWords.computeIfAbsent(keyword, FitScorer::wholeWord));
    }

    /** @param email the lead's email, or null for an anonymous lead */
    public FitScore score(Map<String, Object> traits, String email) {
        List<RuleResult> matched = model.rules().stream()
                .flatMap(rule -> evaluate(rule, traits, email).stream())
                .toList();
        int score = matched.stream().mapToInt(RuleResult::points).sum();
        return new FitScore(score, model.gradeOf(score), matched);
    }

    private Optional<RuleResult> evaluate(FitRule rule, Map<String, Object> traits, String email) {
        Optional<String> because = Optional.empty();
        if (rule.jobTitleKeywords() != null) {
            because = TraitValues.text(traits, "jobTitle").flatMap(title -> rule.jobTitleKeywords().stream()
                    .filter(keyword -> containsWord(title, keyword)).findFirst().map(keyword -> "job title " + title + " says " + keyword));
        } else if (rule.companySize() != null) {
            because = TraitValues.text(traits, "companySize").flatMap(size -> TraitValues.employees(size)
                    .filter(employees -> TraitValues.inBand(employees, rule.companySize())).map(employees -> "company size " + size));
        } else if (rule.industries() != null) {
            because = TraitValues.text(traits, "industry").filter(industry -> TraitValues.containsIgnoringCase(rule.industries(), industry))
                    .map(industry -> "industry " + industry);
        } else if (rule.countries() != null) {
            because = TraitValues.text(traits, "country").filter(country -> TraitValues.containsIgnoringCase(rule.countries(), country))
                    .map(country -> "country " + country);
        } else if (rule.emailDomains() != null) {
            because = Optional.ofNullable(email).map(address -> address.substring(address.lastIndexOf('@') + 1))
                    .filter(domain -> TraitValues.containsIgnoringCase(rule.emailDomains(), domain)).map(domain -> "email domain " + domain);
        }
        return because.map(reason -> new RuleResult(rule.id(), rule.points(), reason + ": " + rule.points() + " fit points"));
    }

    private boolean containsWord(String text, String keyword) {
        return wholeWords.get(keyword).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    // whole words only: "VP Engineering" says "vp", "MVP Developer" does not
    private static Pattern wholeWord(String keyword) {
        return Pattern.compile("\\b" + Pattern.quote(keyword.toLowerCase(Locale.ROOT)) + "\\b");
    }
}
