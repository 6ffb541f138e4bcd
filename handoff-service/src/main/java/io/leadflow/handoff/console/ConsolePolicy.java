package io.leadflow.handoff.console;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The console's Content-Security-Policy: its own files only (no inline script or style, no eval), and connections
 * to this service, the two others it calls and, when people sign in through an OIDC provider, the provider's origin
 * (its discovery document and token endpoint; the login page itself is a navigation, which no directive here limits).
 */
public final class ConsolePolicy {

    private ConsolePolicy() {
    }

    public static String of(String scoringUrl, String crmSyncUrl, Optional<String> oidcIssuer) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(scoringUrl);
        connect.add(crmSyncUrl);
        oidcIssuer.map(ConsolePolicy::origin).ifPresent(connect::add);
        return "default-src 'self'; connect-src " + String.join(" ", connect)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of a URL: a provider's endpoints need not be under its issuer's path (Entra ID's are not). */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("leadflow.console.oidc.issuer is not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
