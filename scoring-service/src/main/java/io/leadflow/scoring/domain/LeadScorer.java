package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.AccountModel;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.ScoringModel;
import io.leadflow.scoring.domain.model.ScoringModelValidator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of the scoring model at work: the engagement rules and the fit rules evaluate an
 * engagement, and the aggregator turns the results into the outcome.
 */
public final class LeadScorer {

    private final int version;
    private final EngagementRules engagementRules;
    private final FitScorer fit;
    private final ScoreAggregator aggregator;
    private final LifecyclePolicy lifecycle;
    private final double recycleKeeps;
    private final AccountModel accounts;

    /** @throws IllegalArgumentException when the model is not valid */
    public LeadScorer(int version, ScoringModel model) {
        var problems = ScoringModelValidator.validate(model);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scoring model version " + version + ": " + problems);
        }
        this.version = version;
        this.engagementRules = new EngagementRules(model.engagementRules());
        this.fit = new FitScorer(model.fit());
        this.lifecycle = new LifecyclePolicy(model.lifecycle().mql(), model.lifecycle().segments(), model.lifecycle().handRaises());
        this.recycleKeeps = model.lifecycle().recycleKeeps();
        this.accounts = model.accountsOrDefault();
        this.aggregator = new ScoreAggregator(version, model.decay() == null ? new Decay(null, null)
                : model.decay(), lifecycle);
    }

    public int version() {
        return version;
    }

    /** How the model rolls leads up to accounts. */
    public AccountModel accounts() {
        return accounts;
    }

    /**
     * Counts one engagement.
     *
     * @param before where the lead stands
     * @param engagement what it did
     * @param history its ledger so far, which caps and decay read
     */
    public ScoringOutcome score(LeadStanding before, Engagement engagement, List<LedgerEntry> history) {
        Map<String, Object> traits = Touchpoints.after(LeadTraits.merge(before.traits(), engagement.traits()), engagement);
        List<RuleResult> results = engagementRules.evaluate(engagement, history);
        return aggregator.aggregate(before, engagement, history, results, traits, fit.score(traits, before.email()));
    }

    /** What counting engagements from {@code earliest} on reads of a lead's ledger, once it keeps its decayed sums. */
    public LedgerNeed ledgerNeeded(Instant earliest) {
        return engagementRules.ledgerNeeded(earliest);
    }

    /** Takes in what an identification tells about the lead: its fit may change, and with it its stage. */
    public ScoringOutcome told(LeadStanding before, Identification told, List<LedgerEntry> history) {
        Map<String, Object> traits = LeadTraits.merge(before.traits(), told.traits());
        return aggregator.reassess(before, history, traits, fit.score(traits, before.email()));
    }

    /** The fit of a lead with these traits and email (null: anonymous). */
    public FitScore fitOf(Map<String, Object> traits, String email) {
        return fit.score(traits, email);
    }

    /**
     * The stage a lead in {@code current} takes once its history was scored afresh (a merge or a
     * model replay): scoring never takes back a stage it announced, nor one sales gave; a recycled
     * lead qualifies again when its (reweighted) score and grade meet the thresholds.
     */
    public LifecycleStage stageAfterRescoring(LifecycleStage current, HistoryRescorer.Rescored rescored, boolean identified) {
        if (current == LifecycleStage.RECYCLED) {
            return lifecycle.stageAfter(current, identified, rescored.score(), rescored.fit().grade(), rescored.traits());
        }
        return current.isBelow(rescored.stage()) ? rescored.stage() : current;
    }

    /** The share of a lead's points that keeps counting when sales recycles it (0: reset). */
    public double recycleKeeps() {
        return recycleKeeps;
    }

    /** The stage of a lead seen for the first time. */
    public LifecycleStage initialStage(boolean identified) {
        return lifecycle.initialStage(identified);
    }
}
