package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import io.leadflow.scoring.domain.model.Lifecycle;
import io.leadflow.scoring.domain.model.Segment;
import java.util.List;
import java.util.Map;

/**
 * Marketing's part of the lifecycle: a known lead is a LEAD, an anonymous one a SUBSCRIBER, and a
 * known lead whose engagement score and fit grade both reach the MQL thresholds (its segment's, when
 * its traits put it in one) becomes an MQL. A stage never moves backwards, so a lead becomes an MQL
 * once, whatever its score does afterwards, unless sales recycles it: a RECYCLED lead that reaches
 * both thresholds again is an MQL again.
 */
public final class LifecyclePolicy {

    private final Lifecycle.Threshold mql;
    private final List<Segment> segments;
    private final List<EngagementMatch> handRaises;

    public LifecyclePolicy(Lifecycle.Threshold mql) {
        this(mql, List.of());
    }

    public LifecyclePolicy(Lifecycle.Threshold mql, List<Segment> segments) {
        this(mql, segments, List.of());
    }

    public LifecyclePolicy(Lifecycle.Threshold mql, List<Segment> segments, List<Lifecycle.HandRaise> handRaises) {
        if (mql.engagement() <= 0) {
            throw new IllegalArgumentException("the MQL engagement threshold must be positive, was " + mql.engagement());
        }
        this.mql = mql;
        this.segments = List.copyOf(segments);
        this.handRaises = handRaises.stream().map(raise -> new EngagementMatch(raise.type(), raise.event(), raise.when())).toList();
    }

    /** True when the engagement asks for sales, as the model's hand-raises say. */
    public boolean isHandRaise(Engagement engagement) {
        return handRaises.stream().anyMatch(raise -> raise.matches(engagement));
    }

    /**
     * True when a hand-raise by a lead in {@code current} would qualify it although its score does not: it is known,
     * its grade meets its threshold's, and it is not an MQL or further already.
     */
    public boolean qualifiesByHandRaise(LifecycleStage current, boolean identified, int score, Grade grade, Map<String, Object> traits) {
        // the stage rule below decides; this only asks whether the hand-raise is what moved the lead
        return stageAfter(current, identified, score, grade, traits, true) != stageAfter(current, identified, score, grade, traits, false);
    }

    /** The stage of a lead seen for the first time. */
    public LifecycleStage initialStage(boolean identified) {
        return identified ? LifecycleStage.LEAD : LifecycleStage.SUBSCRIBER;
    }

    /**
     * The stage of a lead in {@code current} once its engagement score is {@code score}, its grade
     * {@code grade} and its traits {@code traits} (which pick its segment).
     */
    public LifecycleStage stageAfter(LifecycleStage current, boolean identified, int score, Grade grade, Map<String, Object> traits) {
        return stageAfter(current, identified, score, grade, traits, false);
    }

    /** As above, after an engagement that was ({@code handRaise}) or was not a hand-raise. */
    public LifecycleStage stageAfter(LifecycleStage current, boolean identified, int score, Grade grade, Map<String, Object> traits,
            boolean handRaise) {
        Lifecycle.Threshold threshold = mqlThresholdOf(traits);
        LifecycleStage earned = !identified ? LifecycleStage.SUBSCRIBER
                : threshold.isMetBy(score, grade) || handRaise && grade.isAtLeast(threshold.fit()) ? LifecycleStage.MQL
                : LifecycleStage.LEAD;
        if (current == LifecycleStage.RECYCLED) {
            return earned == LifecycleStage.MQL ? earned : current;
        }
        return current.isBelow(earned) ? earned : current;
    }

    /** The MQL thresholds of the first segment whose conditions the traits meet, or the model's. */
    public Lifecycle.Threshold mqlThresholdOf(Map<String, Object> traits) {
        return segments.stream()
                .filter(segment -> matches(segment.when(), traits))
                .map(Segment::mql)
                .findFirst()
                .orElse(mql);
    }

    private static boolean matches(Segment.Condition when, Map<String, Object> traits) {
        return (when.companySize() == null || TraitValues.text(traits, "companySize").flatMap(TraitValues::employees)
                        .filter(employees -> TraitValues.inBand(employees, when.companySize())).isPresent())
                && (when.industries() == null || TraitValues.text(traits, "industry")
                        .filter(industry -> TraitValues.containsIgnoringCase(when.industries(), industry)).isPresent())
                && (when.countries() == null || TraitValues.text(traits, "country")
                        .filter(country -> TraitValues.containsIgnoringCase(when.countries(), country)).isPresent());
    }
}
