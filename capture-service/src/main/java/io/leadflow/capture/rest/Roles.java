package io.leadflow.capture.rest;

/** The roles of the bearer JWTs this service checks, as their {@code groups} claim names them (docs/security.md). */
final class Roles {

    /** Marketing operations: may see the write keys. */
    static final String MARKETING_OPS = "marketing-ops";
    /** The platform's operators: may also make and revoke them. */
    static final String ADMIN = "admin";

    private Roles() {
    }
}
