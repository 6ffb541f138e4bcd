package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.HandoffAccess;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of a role-checked call, as the handoff rules see them. */
final class Callers {

    private Callers() {
    }

    /** The verified token's name (upn, else preferred_username, else sub) and roles. */
    static HandoffAccess access(SecurityIdentity identity) {
        return HandoffAccess.of(identity.getPrincipal().getName(), identity.getRoles());
    }
}
