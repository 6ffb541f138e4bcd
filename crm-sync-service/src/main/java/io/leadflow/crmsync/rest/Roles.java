package io.leadflow.crmsync.rest;

/** The roles of the bearer JWTs this service checks, as their {@code groups} claim names them (docs/security.md). */
final class Roles {

    /** Marketing operations: may read the sync ledger. */
    static final String MARKETING_OPS = "marketing-ops";
    /** A sales team lead: may read the sync ledger. */
    static final String SALES_MANAGER = "sales-manager";
    /** The platform's operators: may also retry a FAILED handoff. */
    static final String ADMIN = "admin";

    private Roles() {
    }
}
