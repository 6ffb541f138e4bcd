package io.leadflow.scoring;

import io.leadflow.localinfra.DevTokens;

/** Authorization headers of the development key's tokens, for tests whose subject is not access. */
public final class Tokens {

    /** An admin, who may call every endpoint of the API. */
    public static final String ADMIN = DevTokens.bearer("max", "admin");

    private Tokens() {
    }
}
