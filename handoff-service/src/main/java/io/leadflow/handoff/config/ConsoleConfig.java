package io.leadflow.handoff.config;

import io.smallrye.config.ConfigMapping;

/**
 * Where the browser console (module {@code console}, served here at {@code /console/}) reaches the
 * other services' APIs. A deployment sets its ingress URLs; the console's Content-Security-Policy
 * lets it connect to exactly these.
 */
@ConfigMapping(prefix = "leadflow.console")
public interface ConsoleConfig {

    /** scoring-service's base URL as the browser sees it (no trailing path). */
    String scoringUrl();

    /** crm-sync-service's base URL as the browser sees it. */
    String crmSyncUrl();
}
