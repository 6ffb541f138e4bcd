package io.leadflow.handoff;

import io.leadflow.localinfra.DevTokens;

/** Authorization headers of the development key's tokens, for tests whose subject is not access. */
public final class Tokens {

    /** An admin, who may call every endpoint and act on every handoff. */
    public static final String ADMIN = DevTokens.bearer("max", "admin");

    private Tokens() {
    }
}
