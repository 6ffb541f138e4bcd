package io.leadflow.scoring.domain.model;

import io.leadflow.events.EngagementType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a scoring model document; each problem names the field at fault. An empty list means valid. */
public final class ScoringModelValidator {

    private final List<ModelProblem> problems = new ArrayList<>();

    private ScoringModelValidator() {
    }

    public static List<ModelProblem> validate(ScoringModel model) {
        ScoringModelValidator validator = new ScoringModelValidator();
        validator.check(model);
        return List.copyOf(validator.problems);
    }

    private void check(ScoringModel model) {
        if (model == null) {
            problem("", "the scoring model is missing");
            return;
        }
        if (required("engagementRules", model.engagementRules()) && model.engagementRules().isEmpty()) {
            problem("engagementRules", "must hold at least one rule");
        }
        if (model.engagementRules() != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < model.engagementRules().size(); i++) {
                checkEngagementRule("engagementRules[" + i + "]", model.engagementRules().get(i), ids);
            }
        }
        if (model.decay() != null) {
            checkDecay(model.decay());
        }
        if (required("fit", model.fit())) {
            new FitModelChecks(this::problem).check("fit", model.fit());
        }
        if (required("lifecycle", model.lifecycle())) {
            checkThreshold("lifecycle.mql", model.lifecycle().mql());
            Set<String> segmentIds = new HashSet<>();
            for (int i = 0; i < model.lifecycle().segments().size(); i++) {
                checkSegment("lifecycle.segments[" + i + "]", model.lifecycle().segments().get(i), segmentIds);
            }
            for (int i = 0; i < model.lifecycle().handRaises().size(); i++) {
                checkHandRaise("lifecycle.handRaises[" + i + "]", model.lifecycle().handRaises().get(i));
            }
        }
        if (model.accounts() != null) {
            new AccountModelChecks(this::problem).check("accounts", model.accounts());
        }
        if (model.lifecycle() != null && model.lifecycle().recycle() != null) {
            Integer keep = model.lifecycle().recycle().keepPercent();
            if (required("lifecycle.recycle.keepPercent", keep) && (keep < 0 || keep > 100)) {
                problem("lifecycle.recycle.keepPercent", "must be between 0 (reset) and 100");
            }
        }
    }

    private void checkHandRaise(String path, Lifecycle.HandRaise raise) {
        if (!required(path, raise)) {
            return;
        }
        required(path + ".type", raise.type());
        new EngagementMatchChecks(this::problem).check(path, raise.type(), raise.event(), raise.when());
    }

    private void checkEngagementRule(String path, EngagementRule rule, Set<String> ids) {
        if (!required(path, rule)) {
            return;
        }
        if (required(path + ".id", rule.id()) && (rule.id().isBlank() || !ids.add(rule.id()))) {
            problem(path + ".id", rule.id().isBlank() ? "must not be blank" : "duplicate rule id " + rule.id());
        }
        required(path + ".type", rule.type());
        if (required(path + ".points", rule.points()) && rule.points() == 0) {
            problem(path + ".points", "must not be 0: a rule that gives nothing is no rule");
        }
        new EngagementMatchChecks(this::problem).check(path, rule.type(), rule.event(), rule.when());
        if (rule.cap() != null) {
            if (required(path + ".cap.max", rule.cap().max()) && rule.cap().max() < 1) {
                problem(path + ".cap.max", "must be at least 1");
            }
            positive(path + ".cap.per", rule.cap().per(), true);
        }
    }

    private void checkThreshold(String path, Lifecycle.Threshold threshold) {
        if (!required(path, threshold)) {
            return;
        }
        if (required(path + ".engagement", threshold.engagement()) && threshold.engagement() <= 0) {
            problem(path + ".engagement", "must be positive");
        }
        required(path + ".fit", threshold.fit());
    }

    private void checkSegment(String path, Segment segment, Set<String> ids) {
        if (!required(path, segment)) {
            return;
        }
        if (required(path + ".id", segment.id()) && (segment.id().isBlank() || !ids.add(segment.id()))) {
            problem(path + ".id", segment.id().isBlank() ? "must not be blank" : "duplicate segment id " + segment.id());
        }
        Segment.Condition when = segment.when();
        if (required(path + ".when", when)) {
            if (when.isEmpty()) {
                problem(path + ".when", "must set at least one of companySize, industries, countries");
            }
            if (when.companySize() != null && !FitModelChecks.isBand(when.companySize())) {
                problem(path + ".when.companySize", "needs min and/or max, with min <= max");
            }
            checkValues(path + ".when.industries", when.industries());
            checkValues(path + ".when.countries", when.countries());
        }
        checkThreshold(path + ".mql", segment.mql());
    }

    private void checkValues(String path, List<String> values) {
        if (values != null && (values.isEmpty() || values.stream().anyMatch(value -> value == null || value.isBlank()))) {
            problem(path, "must list at least one value and no blank ones");
        }
    }

    private void checkDecay(Decay decay) {
        for (Map.Entry<String, Duration> halfLife : decay.halfLives().entrySet()) {
            String path = "decay.halfLives." + halfLife.getKey();
            if (EngagementType.fromWireName(halfLife.getKey()).isEmpty()) {
                problem(path, "unknown engagement type " + halfLife.getKey());
            }
            positive(path, halfLife.getValue(), true);
        }
        positive("decay.defaultHalfLife", decay.defaultHalfLife(), false);
    }

    private void positive(String path, Duration duration, boolean required) {
        if (required && !required(path, duration)) {
            return;
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            problem(path, "must be a positive duration such as P1D");
        }
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            problem(path, "is required");
            return false;
        }
        return true;
    }

    private void problem(String field, String message) {
        problems.add(new ModelProblem(field, message));
    }
}
