package io.leadflow.crmsync.crm;

import io.leadflow.crmsync.config.CrmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Makes the adapter named by {@code leadflow.crm.target} the service's {@link CrmAdapter}; only that one is created. */
public class CrmAdapterSelector {

    @Produces
    @ApplicationScoped
    CrmAdapter configuredAdapter(CrmConfig config, Instance<WebhookAdapter> webhook) {
        return switch (config.target()) {
            case WEBHOOK -> webhook.get();
        };
    }
}
