package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.HandoffAccess;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a role-checked call, as the handoff rules see them. */
final class Callers {

    private Callers() {
    }

    /**
     * The verified token's subject and roles. Not the principal's name, which SmallRye JWT takes from
     * {@code upn} or {@code preferred_username} first: claims some providers let users edit.
     */
    static HandoffAccess access(SecurityIdentity identity) {
        return HandoffAccess.of(((JsonWebToken) identity.getPrincipal()).getSubject(), identity.getRoles());
    }
}
