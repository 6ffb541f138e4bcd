package io.leadflow.scoring.messaging;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.config.ScoringModelJson;
import io.leadflow.scoring.config.SuggestedModelDocument;
import io.leadflow.scoring.domain.HistoryPageBounds;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.scoring.domain.calibration.Calibration;
import io.leadflow.scoring.domain.calibration.FeatureSpace;
import io.leadflow.scoring.domain.calibration.LeadFeatures;
import io.leadflow.scoring.domain.calibration.Outcome;
import io.leadflow.scoring.domain.calibration.OutcomeFeatures;
import io.leadflow.scoring.domain.calibration.OutcomeSplit;
import io.leadflow.scoring.domain.model.ScoringModel;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.SalesOutcomes;
import io.leadflow.scoring.persistence.ScoringModelStore;
import io.leadflow.scoring.persistence.StoredModelVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Learns the active model's points from sales' verdicts in a window (see {@link Calibration}), as a job in the
 * background: the outcomes are read and checked at once (too few is refused before anything starts), then each
 * outcome's lead history is read a page at a time (within the pages' bounds, as a what-if preview reads) and turned
 * into features, then the fit runs. Reads only: a calibration writes nothing. One runs at a time per instance.
 */
@ApplicationScoped
public class ModelCalibration {

    private static final Logger LOG = Logger.getLogger(ModelCalibration.class);
    // finished calibrations are kept for their result to be read, the latest few only
    private static final int KEPT = 20;

    private final ScoringModelStore models;
    private final SalesOutcomes outcomes;
    private final LeadHistoryRepository history;
    private final Clock clock;
    private final HistoryPageBounds bounds;
    private final int minimumPerClass;
    private final OneJobAtATime<CalibrationJob> jobs = new OneJobAtATime<>(CalibrationJob::id, Infrastructure.getDefaultWorkerPool(), KEPT);

    public ModelCalibration(ScoringModelStore models, SalesOutcomes outcomes, LeadHistoryRepository history, Clock clock,
            @ConfigProperty(name = "leadflow.scoring.preview.page-leads") int pageLeads,
            @ConfigProperty(name = "leadflow.scoring.page-events") long pageEvents,
            @ConfigProperty(name = "leadflow.scoring.calibration.min-outcomes-per-class") int minimumPerClass) {
        this.models = models;
        this.outcomes = outcomes;
        this.history = history;
        this.clock = clock;
        this.bounds = new HistoryPageBounds(pageLeads, pageEvents);
        this.minimumPerClass = minimumPerClass;
    }

    /** How many outcomes of each class each part needs. */
    public int minimumPerClass() {
        return minimumPerClass;
    }

    /**
     * Starts a calibration of the active version on the outcomes in [from, to); fails with
     * {@link io.leadflow.scoring.domain.calibration.TooFewOutcomes} when a part lacks outcomes of a class, with
     * {@link JobAlreadyRunning} while another runs.
     *
     * @param testFrom where the test part starts, or null: the latest outcomes' share
     */
    public Uni<CalibrationJob> start(Instant from, Instant to, Instant testFrom) {
        return models.active().flatMap(version -> outcomes.firstVerdictsIn(from, to).map(found -> {
            OutcomeSplit split = OutcomeSplit.of(found, testFrom);
            split.counts().requireEach(minimumPerClass);
            CalibrationJob job = new CalibrationJob(from, to, split.counts().total(), clock.instant());
            return jobs.start(job, () -> run(job, version, split));
        }));
    }

    /** The calibration with this id, running or among the latest finished. */
    public Optional<CalibrationJob> job(UUID id) {
        return jobs.find(id);
    }

    private void run(CalibrationJob job, StoredModelVersion version, OutcomeSplit split) {
        try {
            ScoringModel model = ScoringModelJson.parse(version.document()).model();
            Map<String, LeadFeatures> features = featuresOf(split, new OutcomeFeatures(ActiveScoringModel.scorerOf(version),
                    FeatureSpace.of(model)), job);
            job.fitting();
            Calibration.Report report = Calibration.run(model, split, features);
            job.finished(new CalibrationJob.Result(version.version(), report, SuggestedModelDocument.of(version.document(), report.rules())),
                    clock.instant());
        } catch (Throwable failure) {
            LOG.errorf(failure, "calibration %s failed", job.id());
            job.failed(failure, clock.instant());
        }
    }

    /** Each outcome's features, its lead's history read a page at a time; blocks, so never on an event loop. */
    private Map<String, LeadFeatures> featuresOf(OutcomeSplit split, OutcomeFeatures features, CalibrationJob job) throws Throwable {
        List<Outcome> all = new ArrayList<>(split.train());
        all.addAll(split.test());
        Map<String, LeadFeatures> byLead = new HashMap<>();
        int next = 0;
        while (next < all.size()) {
            List<Outcome> candidates = all.subList(next, Math.min(all.size(), next + bounds.leads()));
            Map<UUID, Long> sizes = VertxContextSupport.subscribeAndAwait(() -> outcomes.historySizes(idsOf(candidates)));
            List<Outcome> page = candidates.subList(0, Math.max(1, bounds.take(candidates.stream()
                    .map(outcome -> sizes.getOrDefault(UUID.fromString(outcome.leadId()), 0L)).toList())));
            Map<UUID, List<RecordedEvent>> histories = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> history.historiesOf(idsOf(page))));
            // turned into features here, on this worker thread: a page's thousands of events would block the event loop
            for (Outcome outcome : page) {
                byLead.put(outcome.leadId(), features.of(outcome.email(),
                        histories.getOrDefault(UUID.fromString(outcome.leadId()), List.of()), outcome.at()));
            }
            job.read(page.size());
            next += page.size();
        }
        return byLead;
    }

    private static List<UUID> idsOf(List<Outcome> outcomes) {
        return outcomes.stream().map(outcome -> UUID.fromString(outcome.leadId())).toList();
    }
}
