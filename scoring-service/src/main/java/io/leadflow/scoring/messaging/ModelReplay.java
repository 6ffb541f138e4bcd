package io.leadflow.scoring.messaging;

import io.leadflow.scoring.config.ActiveScoringModel;
import io.leadflow.scoring.domain.HistoryPageBounds;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.persistence.LeadHistoryPages;
import io.leadflow.scoring.persistence.LeadRepository;
import io.leadflow.scoring.persistence.ReplayJob;
import io.leadflow.scoring.persistence.ReplayJobRepository;
import io.leadflow.scoring.persistence.StoredModelVersion;
import io.leadflow.txmessaging.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Re-scores every lead's stored history under one model version in the background, a page of
 * leads per transaction (within {@link HistoryPageBounds}: so many leads and so many history events at
 * most, so memory is one page's whatever the database holds), recording its progress in a {@link ReplayJob}. Each lead's stage changes
 * are announced through the outbox in the transaction that changes it, so a replay that fails
 * half-way leaves every lead either re-scored or as it was; running it again finishes the work.
 */
@ApplicationScoped
public class ModelReplay {

    private static final Logger LOG = Logger.getLogger(ModelReplay.class);
    private static final UUID BEFORE_EVERY_LEAD = new UUID(0, 0);

    private final LeadRepository leads;
    private final LeadHistoryPages pages;
    private final HistoryPageBounds bounds;
    private final ReplayJobRepository jobs;
    private final LeadRescoring rescoring;
    private final OutboxRelay relay;
    private final Clock clock;

    public ModelReplay(LeadRepository leads, LeadHistoryPages pages, ReplayJobRepository jobs, LeadRescoring rescoring, OutboxRelay relay,
            Clock clock, @ConfigProperty(name = "leadflow.scoring.replay.page-leads") int pageLeads,
            @ConfigProperty(name = "leadflow.scoring.page-events") long pageEvents) {
        this.leads = leads;
        this.pages = pages;
        this.bounds = new HistoryPageBounds(pageLeads, pageEvents);
        this.jobs = jobs;
        this.rescoring = rescoring;
        this.relay = relay;
        this.clock = clock;
    }

    /** Records a job for the version and starts it in the background; answers the job as it starts. */
    public Uni<ReplayJob> start(StoredModelVersion version) {
        LeadScorer scorer = ActiveScoringModel.scorerOf(version);
        return Panache.withTransaction(() -> pages.countLeads()
                        .flatMap(total -> jobs.persist(new ReplayJob(version.version(), total.intValue(), clock.instant()))))
                .invoke(job -> Infrastructure.getDefaultWorkerPool().execute(() -> run(job.id(), scorer)));
    }

    // on a worker thread: each page is a transaction of its own, on a fresh Vert.x context as Hibernate Reactive wants
    private void run(UUID jobId, LeadScorer scorer) {
        try {
            UUID after = BEFORE_EVERY_LEAD;
            while (after != null) {
                UUID from = after;
                after = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> replayPage(jobId, scorer, from)));
                relay.kick();
            }
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> jobs.findById(jobId)
                    .invoke(job -> job.finished(clock.instant()))));
        } catch (Throwable failure) {
            LOG.errorf(failure, "replay %s under model version %d failed; run it again to finish it", jobId, scorer.version());
            markFailed(jobId, failure);
        }
    }

    /** Re-scores the page of leads after {@code after}; answers the page's last lead id, or null when there was none. */
    private Uni<UUID> replayPage(UUID jobId, LeadScorer scorer, UUID after) {
        return pages.sizesAfter(after, bounds.leads()).flatMap(sizes -> {
            if (sizes.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            List<UUID> ids = sizes.subList(0, bounds.take(sizes.stream().map(LeadHistoryPages.LeadSize::events).toList()))
                    .stream().map(LeadHistoryPages.LeadSize::id).toList();
            // locked in id order, as every batch of engagements locks its leads
            return leads.lockAll(List.of(), ids).flatMap(page -> rescoring.rescoreAll(page, scorer, jobId.toString(), clock.instant())
                    .flatMap(changes -> jobs.findById(jobId).invoke(job -> job.progressed(page.size(), changes)))
                    .map(job -> ids.get(ids.size() - 1)));
        });
    }

    private void markFailed(UUID jobId, Throwable failure) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> jobs.findById(jobId)
                    .invoke(job -> job.failed(failure.toString(), clock.instant()))));
        } catch (Throwable unrecorded) {
            LOG.errorf(unrecorded, "could not record that replay %s failed", jobId);
        }
    }
}
