package io.leadflow.crmsync.messaging;

/** The service's messaging channels, as named in application.properties. */
public final class Channels {

    /** {@code leadflow.handoffs.v1}: the handoffs to write to the CRM. */
    public static final String HANDOFFS = "handoffs";

    /** {@code leadflow.erasure.v1}: leads to erase from the CRMs and the ledger. */
    public static final String ERASURE = "erasure";

    /** {@code leadflow.crm-sync.v1.dlq}: handoffs whose CRM write spent its retry budget. */
    public static final String CRM_DEAD_LETTERS = "crm-dead-letters";

    private Channels() {
    }
}
