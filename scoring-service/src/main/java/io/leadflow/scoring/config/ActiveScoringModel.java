package io.leadflow.scoring.config;

import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.persistence.ScoringModelStore;
import io.leadflow.scoring.persistence.StoredModelVersion;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;

/**
 * The scoring model version in force: every engagement is scored with it. At start it is the
 * stored active version (the shipped default is stored as version 1 on the first start); a
 * publication through the API replaces it at once in this instance.
 */
@ApplicationScoped
public class ActiveScoringModel {

    private final ScoringModelStore store;
    private final Clock clock;
    // the shipped default (stored as version 1) until the stored active version is loaded at start
    private volatile LeadScorer scorer = new LeadScorer(1, ScoringModelJson.parse(ScoringModelJson.defaultDocument()).model());

    public ActiveScoringModel(ScoringModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // before the consumers start (they observe the same event at the default priority)
    void onStart(@Observes @Priority(1) StartupEvent start) {
        StoredModelVersion active = store.seed(ScoringModelJson.defaultDocument(), "leadflow",
                        "The default model shipped with scoring-service", clock.instant())
                .flatMap(seeded -> store.active())
                .await().atMost(Duration.ofSeconds(60));
        activate(active);
    }

    public LeadScorer scorer() {
        return scorer;
    }

    /** Scores every later engagement with this stored version. */
    public void activate(StoredModelVersion version) {
        this.scorer = scorerOf(version);
    }

    /** A stored version at work. */
    public static LeadScorer scorerOf(StoredModelVersion version) {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(version.document());
        if (!parsed.valid()) {
            throw new IllegalStateException("stored scoring model version " + version.version() + " is invalid: " + parsed.problems());
        }
        return new LeadScorer(version.version(), parsed.model());
    }
}
