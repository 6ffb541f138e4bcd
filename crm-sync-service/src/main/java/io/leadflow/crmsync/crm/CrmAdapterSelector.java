package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.hubspot.HubSpotAdapter;
import io.leadflow.crmsync.crm.pipedrive.PipedriveAdapter;
import io.leadflow.crmsync.crm.salesforce.SalesforceAdapter;
import io.leadflow.crmsync.domain.CrmTarget;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes the adapter named by {@code leadflow.crm.target} the service's {@link CrmAdapter} (only the
 * adapters used are created), and finds the adapter of any other CRM a lead was once written to,
 * when this deployment still has its settings (an erasure must reach every CRM that holds the lead).
 */
@ApplicationScoped
public class CrmAdapterSelector {

    private static final Logger LOG = Logger.getLogger(CrmAdapterSelector.class);

    private final Instance<WebhookAdapter> webhook;
    private final Instance<HubSpotAdapter> hubspot;
    private final Instance<SalesforceAdapter> salesforce;
    private final Instance<PipedriveAdapter> pipedrive;

    public CrmAdapterSelector(Instance<WebhookAdapter> webhook, Instance<HubSpotAdapter> hubspot, Instance<SalesforceAdapter> salesforce,
            Instance<PipedriveAdapter> pipedrive) {
        this.webhook = webhook;
        this.hubspot = hubspot;
        this.salesforce = salesforce;
        this.pipedrive = pipedrive;
    }

    @Produces
    @ApplicationScoped
    CrmAdapter configuredAdapter(CrmConfig config) {
        return adapter(config.target());
    }

    /** The adapter of {@code target}, or empty when this deployment lacks its settings (its URL, secret or token). */
    public Optional<CrmAdapter> ifConfigured(CrmTarget target) {
        CrmAdapter adapter = adapter(target);
        try {
            // the adapter is created at its first call; its constructor refuses missing settings
            adapter.target();
            return Optional.of(adapter);
        } catch (RuntimeException notConfigured) {
            LOG.debugf("CRM %s is not configured: %s", target.wireName(), notConfigured.toString());
            return Optional.empty();
        }
    }

    /** Creates the adapter at start, so a missing URL, secret or token stops the service at once, not at the first handoff. */
    void checkAtStart(@Observes StartupEvent start, CrmAdapter adapter) {
        LOG.infof("writing handoffs to CRM target %s", adapter.target().wireName());
    }

    private CrmAdapter adapter(CrmTarget target) {
        return switch (target) {
            case WEBHOOK -> webhook.get();
            case HUBSPOT -> hubspot.get();
            case SALESFORCE -> salesforce.get();
            case PIPEDRIVE -> pipedrive.get();
        };
    }
}
