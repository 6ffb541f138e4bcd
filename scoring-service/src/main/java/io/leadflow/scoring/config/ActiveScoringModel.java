package io.leadflow.scoring.config;

import io.leadflow.scoring.domain.LeadScorer;
import jakarta.enterprise.context.ApplicationScoped;

/** The scoring model version in force: every engagement is scored with it. */
@ApplicationScoped
public class ActiveScoringModel {

    /** The version number of the shipped default model. */
    public static final int DEFAULT_VERSION = 1;

    private volatile LeadScorer scorer = new LeadScorer(DEFAULT_VERSION,
            ScoringModelJson.parse(ScoringModelJson.defaultDocument()).model());

    public LeadScorer scorer() {
        return scorer;
    }
}
