package io.leadflow.handoff.domain;

/** The roles of the bearer JWTs this service checks, as their {@code groups} claim names them (docs/security.md). */
public final class Roles {

    /** Marketing operations: read handoffs, routing and reports. */
    public static final String MARKETING_OPS = "marketing-ops";
    /** A sales rep: their own handoffs only. */
    public static final String SALES_REP = "sales-rep";
    /** A sales team lead: every handoff, routing, reports. */
    public static final String SALES_MANAGER = "sales-manager";
    /** The platform's operators: everything, webhooks too. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
