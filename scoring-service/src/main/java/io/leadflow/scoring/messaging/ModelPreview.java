package io.leadflow.scoring.messaging;

import io.leadflow.scoring.domain.HistoryPageBounds;
import io.leadflow.scoring.domain.HistoryRescorer;
import io.leadflow.scoring.domain.LeadScorer;
import io.leadflow.scoring.domain.RecordedEvent;
import io.leadflow.scoring.domain.WhatIfTally;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadHistoryPages;
import io.leadflow.scoring.persistence.LeadHistoryRepository;
import io.leadflow.scoring.persistence.LeadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What a candidate model would do to every lead, before it is published: each lead's stored history scored
 * afresh under it, exactly as a replay would, compared with how the lead stands. Reads only.
 *
 * <p>It runs as a job in the background, a page of leads with their histories at a time (each page in a
 * read-only session of its own, closed before the next), keeping only the tally's counts and its bounded top
 * movers: memory is one page's, whatever the database holds. One preview runs at a time per instance: a
 * preview keeps a core busy for as long as it reads, and two would only share it.
 */
@ApplicationScoped
public class ModelPreview {

    private static final Logger LOG = Logger.getLogger(ModelPreview.class);
    private static final UUID BEFORE_EVERY_LEAD = new UUID(0, 0);
    // finished previews are kept for their result to be read, the latest few only
    private static final int KEPT = 20;

    /** A preview that must answer at once was asked for over more leads than it reads in one go. */
    public static final class TooManyLeads extends RuntimeException {

        private final long leads;

        TooManyLeads(long leads) {
            super("there are " + leads + " leads");
            this.leads = leads;
        }

        public long leads() {
            return leads;
        }
    }

    private final LeadRepository leads;
    private final LeadHistoryRepository history;
    private final LeadHistoryPages pages;
    private final HistoryPageBounds bounds;
    private final Clock clock;
    private final OneJobAtATime<PreviewJob> jobs = new OneJobAtATime<>(PreviewJob::id, Infrastructure.getDefaultWorkerPool(), KEPT);

    public ModelPreview(LeadRepository leads, LeadHistoryRepository history, LeadHistoryPages pages, Clock clock,
            @ConfigProperty(name = "leadflow.scoring.preview.page-leads") int pageLeads,
            @ConfigProperty(name = "leadflow.scoring.page-events") long pageEvents) {
        this.leads = leads;
        this.history = history;
        this.pages = pages;
        this.clock = clock;
        this.bounds = new HistoryPageBounds(pageLeads, pageEvents);
    }

    /**
     * Starts a preview of the candidate in the background and answers its job as it starts; fails with
     * {@link JobAlreadyRunning} while another runs, with {@link TooManyLeads} when there are more than {@code atMostLeads}.
     *
     * @param top how many of the leads that would move most to list
     */
    public Uni<PreviewJob> start(LeadScorer candidate, int top, long atMostLeads) {
        return Panache.withSession(pages::countLeads).map(total -> {
            if (total > atMostLeads) {
                throw new TooManyLeads(total);
            }
            PreviewJob job = new PreviewJob(top, total, clock.instant());
            return jobs.start(job, () -> run(job, candidate));
        });
    }

    /** The preview with this id, running or among the latest finished. */
    public Optional<PreviewJob> job(UUID id) {
        return jobs.find(id);
    }

    private void run(PreviewJob job, LeadScorer candidate) {
        try {
            job.finished(tallyInPages(candidate, job, bounds), clock.instant());
        } catch (Throwable failure) {
            LOG.errorf(failure, "what-if preview %s failed", job.id());
            job.failed(failure, clock.instant());
        }
    }

    /**
     * Scores every lead under the candidate in pages within {@code bounds}, moving {@code job} on after each; blocks,
     * so never on an event loop. Each page is read in a session of its own: only the tally outlives it.
     */
    public WhatIfTally.Summary tallyInPages(LeadScorer candidate, PreviewJob job, HistoryPageBounds bounds) throws Throwable {
        WhatIfTally tally = new WhatIfTally(job.top());
        UUID after = BEFORE_EVERY_LEAD;
        while (true) {
            UUID from = after;
            Page page = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> readPage(from, bounds)));
            if (page == null) {
                return tally.summary();
            }
            // scored here, on this worker thread: a page's thousands of events would block the event loop for seconds
            page.leads().forEach(lead -> tally.add(moveOf(lead, candidate,
                    HistoryRescorer.rescore(candidate, lead.email(), page.histories().getOrDefault(lead.id(), List.of())))));
            job.progressed(page.leads().size());
            after = page.lastId();
        }
    }

    /** A page of leads with their histories, and the last id it covered. */
    private record Page(List<Lead> leads, Map<UUID, List<RecordedEvent>> histories, UUID lastId) {
    }

    /** The page of leads after {@code after}, with their histories; null when there is none. */
    private Uni<Page> readPage(UUID after, HistoryPageBounds bounds) {
        // read-only: the session keeps no copy of what it read to compare at a flush that never comes
        return Panache.getSession().invoke(session -> session.setDefaultReadOnly(true))
                .flatMap(session -> pages.sizesAfter(after, bounds.leads()))
                .flatMap(sizes -> {
                    if (sizes.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    List<UUID> ids = sizes.subList(0, bounds.take(sizes.stream().map(LeadHistoryPages.LeadSize::events).toList()))
                            .stream().map(LeadHistoryPages.LeadSize::id).toList();
                    return leads.list("id in ?1", Sort.by("id"), ids)
                            .flatMap(page -> history.historiesOf(ids).map(histories -> new Page(page, histories, ids.get(ids.size() - 1))));
                });
    }

    private static WhatIfTally.Move moveOf(Lead lead, LeadScorer candidate, HistoryRescorer.Rescored rescored) {
        return new WhatIfTally.Move(lead.id().toString(), lead.leadKey(), lead.score(), rescored.score(), lead.stage(),
                candidate.stageAfterRescoring(lead.stage(), rescored, lead.email() != null), lead.grade(), rescored.fit().grade());
    }
}
