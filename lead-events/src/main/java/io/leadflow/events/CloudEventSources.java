package io.leadflow.events;

/** The CloudEvents {@code source} attribute of each producing service. */
public final class CloudEventSources {

    public static final String CAPTURE = "/leadflow/capture-service";
    public static final String SCORING = "/leadflow/scoring-service";
    public static final String HANDOFF = "/leadflow/handoff-service";
    public static final String CRM_SYNC = "/leadflow/crm-sync-service";

    private CloudEventSources() {
    }
}
