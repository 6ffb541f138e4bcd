package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.config.CrmConfig;
import io.leadflow.crmsync.crm.hubspot.HubSpotAdapter;
import io.leadflow.crmsync.crm.salesforce.SalesforceAdapter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Makes the adapter named by {@code leadflow.crm.target} the service's {@link CrmAdapter}; only that one is created. */
public class CrmAdapterSelector {

    private static final Logger LOG = Logger.getLogger(CrmAdapterSelector.class);

    @Produces
    @ApplicationScoped
    CrmAdapter configuredAdapter(CrmConfig config, Instance<WebhookAdapter> webhook, Instance<HubSpotAdapter> hubspot,
            Instance<SalesforceAdapter> salesforce) {
        return switch (config.target()) {
            case WEBHOOK -> webhook.get();
            case HUBSPOT -> hubspot.get();
            case SALESFORCE -> salesforce.get();
        };
    }

    /** Creates the adapter at start, so a missing URL, secret or token stops the service at once, not at the first handoff. */
    void checkAtStart(@Observes StartupEvent start, CrmAdapter adapter) {
        LOG.infof("writing handoffs to CRM target %s", adapter.target().wireName());
    }
}
