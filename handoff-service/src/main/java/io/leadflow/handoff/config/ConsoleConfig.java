package io.leadflow.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where the browser console (module {@code console}, served here at {@code /console/}) reaches the
 * other services' APIs, and how people sign in to it. A deployment sets its ingress URLs and its OIDC
 * provider's client; the console's Content-Security-Policy lets it connect to exactly these.
 */
@ConfigMapping(prefix = "leadflow.console")
public interface ConsoleConfig {

    /** scoring-service's base URL as the browser sees it (no trailing path). */
    String scoringUrl();

    /** crm-sync-service's base URL as the browser sees it. */
    String crmSyncUrl();

    /** Sign-in through the organisation's OIDC provider. */
    Oidc oidc();

    /**
     * Whether the console also offers to paste a bearer token (development and tests: tokens from
     * {@code deploy/local/token}); a deployment signs people in through its provider only.
     */
    @WithDefault("false")
    boolean tokenPaste();

    interface Oidc {

        /**
         * The console's client id at the provider: a public client using the authorization code flow with PKCE,
         * redirecting back to {@code <console URL>}. Unset: the console offers no sign-in through a provider.
         */
        Optional<String> clientId();

        /** The provider's issuer (its discovery document is under it): by default the issuer the services' tokens must carry. */
        Optional<String> issuer();

        /** The scopes the console asks for (space-separated): those that put the APIs' audience and the roles in the access token. */
        @WithDefault("openid profile")
        String scope();
    }
}
