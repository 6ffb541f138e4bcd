package io.leadflow.scoring.domain.model;

import java.util.List;

/**
 * A kind of lead with MQL thresholds of its own, such as enterprise accounts that must engage more
 * before sales wants them. The first segment of the model whose conditions a lead's traits meet
 * sets its thresholds; a lead in none meets the model's {@code lifecycle.mql}.
 *
 * @param id the segment's stable id
 * @param when the conditions on the lead's traits, every one set must hold
 * @param mql the segment's MQL thresholds
 */
public record Segment(String id, Condition when, Lifecycle.Threshold mql) {

    /**
     * Conditions on a lead's traits, read as fit rules read them.
     *
     * @param companySize the {@code companySize} trait lies in the band
     * @param industries the {@code industry} trait is one of these (any case)
     * @param countries the {@code country} trait is one of these (any case)
     */
    public record Condition(FitRule.SizeBand companySize, List<String> industries, List<String> countries) {

        public boolean isEmpty() {
            return companySize == null && industries == null && countries == null;
        }
    }
}
