package io.leadflow.capture.domain;

/** What a management credential may do with write keys. */
public enum AdminRole {
    /** List keys. */
    VIEWER,
    /** List, create and revoke keys. */
    ADMIN;

    /** Whether a credential of this role may do what needs {@code needed}. */
    public boolean permits(AdminRole needed) {
        return this == ADMIN || needed == VIEWER;
    }
}
