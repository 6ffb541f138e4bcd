package io.leadflow.crmsync.messaging;

import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.salesforce.SalesforceChangedLeads;
import io.leadflow.crmsync.crm.salesforce.SalesforceChangedLeads.ChangedLead;
import io.leadflow.crmsync.crm.salesforce.SalesforceChangedLeads.Page;
import io.leadflow.crmsync.domain.CrmTarget;
import io.leadflow.crmsync.domain.SalesforceStatusRules;
import io.leadflow.crmsync.persistence.PollWatermarks;
import io.leadflow.events.DeterministicIds;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import org.jboss.logging.Logger;

/**
 * Polls Salesforce for Leads that changed since the stored watermark and turns a status that is
 * sales' verdict ({@link SalesforceStatusRules}) into {@code sales.feedback.v1} through
 * {@link CrmFeedback}, the same path HubSpot's webhooks take. The watermark (the latest
 * {@code LastModifiedDate} handled) is stored after each page, so a restart continues where the
 * last poll stopped. Each status a Lead reaches is reported once: its change id is (Lead id,
 * status), recorded as processed with the feedback. Runs only with target salesforce.
 */
@ApplicationScoped
public class SalesforcePoll {

    static final String CHANNEL = "salesforce-poll";
    private static final Logger LOG = Logger.getLogger(SalesforcePoll.class);

    private final CrmConfig.Poll config;
    private final boolean enabled;
    private final Instance<SalesforceChangedLeads> changedLeads;
    private final PollWatermarks watermarks;
    private final CrmFeedback feedback;
    private final SalesforceStatusRules rules;
    private final Clock clock;

    public SalesforcePoll(CrmConfig config, Instance<SalesforceChangedLeads> changedLeads, PollWatermarks watermarks,
            CrmFeedback feedback, Clock clock) {
        this.config = config.salesforce().poll();
        this.enabled = config.target() == CrmTarget.SALESFORCE && this.config.enabled();
        this.changedLeads = changedLeads;
        this.watermarks = watermarks;
        this.feedback = feedback;
        this.rules = SalesforceStatusRules.parse(this.config.statusFeedback());
        this.clock = clock;
    }

    @Scheduled(identity = "salesforce-poll", every = "${leadflow.crm.salesforce.poll.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        // a failed poll (Salesforce or the database down) is simply tried again at the next tick, from the stored watermark
        return pollOnce()
                .onFailure().invoke(failure -> LOG.warnf("polling Salesforce for changed Leads failed, retrying at the next poll: %s",
                        failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Reads every page of Leads changed since the watermark; answers how many became feedback. */
    public Uni<Integer> pollOnce() {
        SalesforceChangedLeads leads = changedLeads.get();
        return watermarks.of(CHANNEL)
                .map(stored -> stored != null ? stored : clock.instant().minus(config.initialLookback()))
                .flatMap(leads::since)
                .flatMap(page -> handle(leads, page, 0));
    }

    private Uni<Integer> handle(SalesforceChangedLeads leads, Page page, int publishedBefore) {
        return Multi.createFrom().iterable(page.leads())
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().asList()
                .map(published -> publishedBefore + (int) published.stream().filter(Boolean::booleanValue).count())
                .call(published -> page.leads().stream().map(ChangedLead::lastModified).max(Comparator.naturalOrder())
                        .map(latest -> watermarks.advance(CHANNEL, latest, clock.instant()))
                        .orElse(Uni.createFrom().voidItem()))
                .flatMap(published -> page.nextRecordsUrl() == null ? Uni.createFrom().item(published)
                        : leads.next(page.nextRecordsUrl()).flatMap(next -> handle(leads, next, published)));
    }

    private Uni<Boolean> publish(ChangedLead lead) {
        var verdict = rules.of(lead.status());
        if (verdict.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        String changeId = DeterministicIds.of("salesforce-lead-status", lead.id(), lead.status());
        Instant occurredAt = lead.lastModified();
        return feedback.publish(CHANNEL, changeId, CrmTarget.SALESFORCE, lead.id(), verdict.get(), occurredAt);
    }
}
