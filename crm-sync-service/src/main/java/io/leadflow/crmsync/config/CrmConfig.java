package io.leadflow.crmsync.config;

import io.leadflow.crmsync.domain.CrmTarget;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Where handoffs are written and how a failed write is retried. */
@ConfigMapping(prefix = "leadflow.crm")
public interface CrmConfig {

    /** The CRM adapter that writes handoffs; {@code webhook} is the only one so far. */
    @WithDefault("webhook")
    CrmTarget target();

    /** The generic webhook adapter. */
    Webhook webhook();

    /** The retries of a CRM write that failed: they go on, with exponential backoff, until it succeeds. */
    Retry retry();

    interface Webhook {

        /** The URL that receives each handoff as a signed JSON POST (env LEADFLOW_CRM_WEBHOOK_URL). */
        URI url();

        /**
         * The HMAC-SHA256 signing secrets, comma-separated (env LEADFLOW_CRM_WEBHOOK_SECRETS); every
         * request is signed with each, so the receiver can rotate its secret without downtime.
         */
        List<String> secrets();

        /** How long to wait for the receiver to connect and to answer before the attempt counts as failed. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Retry {

        /** The wait after the first failed attempt; it doubles after each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** The longest wait between two attempts at the same handoff. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
