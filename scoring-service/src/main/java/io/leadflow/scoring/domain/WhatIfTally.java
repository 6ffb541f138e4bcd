package io.leadflow.scoring.domain;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Grade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up what a candidate model would do to every lead, before it is published: how many leads
 * would change stage (per transition), how many would change score, and the leads whose score
 * would move most.
 */
public final class WhatIfTally {

    /**
     * One lead as it stands and as the candidate would leave it.
     *
     * @param leadId the lead's id
     * @param leadKey its key
     * @param scoreBefore its engagement score now
     * @param scoreAfter its engagement score under the candidate (as of the same moment)
     * @param stageBefore its stage now
     * @param stageAfter its stage under the candidate
     * @param gradeBefore its fit grade now
     * @param gradeAfter its fit grade under the candidate
     */
    public record Move(String leadId, String leadKey, int scoreBefore, int scoreAfter, LifecycleStage stageBefore,
            LifecycleStage stageAfter, Grade gradeBefore, Grade gradeAfter) {

        public int delta() {
            return scoreAfter - scoreBefore;
        }

        public boolean stageChanged() {
            return stageBefore != stageAfter;
        }
    }

    /**
     * @param leads how many leads were scored under the candidate
     * @param scoreChanges how many would change score
     * @param stageChanges how many would change stage
     * @param transitions stage changes per transition, such as {@code LEAD->MQL}
     * @param topMovers the leads whose score would move most (either way), largest move first; then those that
     *     would change stage only
     */
    public record Summary(int leads, int scoreChanges, int stageChanges, Map<String, Integer> transitions, List<Move> topMovers) {
    }

    // a stage change without a score change (a new grade) still moves the lead
    private static final Comparator<Move> LARGEST_MOVE_FIRST = Comparator.<Move>comparingInt(move -> Math.abs(move.delta())).reversed()
            .thenComparing(Move::stageChanged, Comparator.reverseOrder())
            .thenComparing(Move::leadKey);

    private final int top;
    private final List<Move> movers = new ArrayList<>();
    private final Map<String, Integer> transitions = new TreeMap<>();
    private int leads;
    private int scoreChanges;
    private int stageChanges;

    /** @param top how many top movers to keep */
    public WhatIfTally(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        this.top = top;
    }

    public void add(Move move) {
        leads++;
        if (move.delta() != 0) {
            scoreChanges++;
        }
        if (move.delta() != 0 || move.stageChanged()) {
            movers.add(move);
            // keeps memory bounded by top whatever the number of leads
            if (movers.size() > 2 * top) {
                movers.sort(LARGEST_MOVE_FIRST);
                movers.subList(top, movers.size()).clear();
            }
        }
        if (move.stageChanged()) {
            stageChanges++;
            transitions.merge(move.stageBefore() + "->" + move.stageAfter(), 1, Integer::sum);
        }
    }

    public Summary summary() {
        List<Move> topMovers = movers.stream().sorted(LARGEST_MOVE_FIRST).limit(top).toList();
        return new Summary(leads, scoreChanges, stageChanges, Collections.unmodifiableMap(new TreeMap<>(transitions)), topMovers);
    }
}
