package io.leadflow.handoff.rest;

import io.leadflow.apisecurity.CallerSubject;
import io.leadflow.handoff.domain.HandoffAccess;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of a role-checked call, as the handoff rules see them. */
final class Callers {

    private Callers() {
    }

    /** The verified token's subject ({@link CallerSubject}) and roles. */
    static HandoffAccess access(SecurityIdentity identity) {
        return HandoffAccess.of(CallerSubject.of(identity.getPrincipal()), identity.getRoles());
    }
}
