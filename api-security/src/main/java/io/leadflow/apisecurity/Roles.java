package io.leadflow.apisecurity;

/** The roles of the bearer JWTs the services check, as their {@code groups} claim names them (docs/security.md). */
public final class Roles {

    /** Marketing operations: the scoring model, leads, write keys and reports (read). */
    public static final String MARKETING_OPS = "marketing-ops";
    /** A sales rep: leads, and their own handoffs only. */
    public static final String SALES_REP = "sales-rep";
    /** A sales team lead: every handoff, routing, reports. */
    public static final String SALES_MANAGER = "sales-manager";
    /** The platform's operators: everything, write keys, webhooks, erasure and CRM retries too. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
