package io.leadflow.handoff.console;

import io.leadflow.handoff.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's {@code config.json}: the base URL of each service it calls, and how people sign in. Open to all,
 * like the console's files: it holds addresses and a public client's id only, and every API behind them asks for a
 * token.
 */
@Path("/console/config.json")
public class ConsoleConfigResource {

    /**
     * @param services base URL per service; "" is this service's own origin
     * @param signIn how the console signs people in
     */
    public record ConsoleSettings(Map<String, String> services, SignIn signIn) {
    }

    /**
     * @param oidc the OIDC provider people sign in through, or null when none is configured
     * @param tokenPaste whether a bearer token may be pasted instead (development only)
     */
    public record SignIn(Oidc oidc, boolean tokenPaste) {
    }

    /** The provider's issuer (discovery under it), the console's public client id, and the scopes asked for. */
    public record Oidc(String issuer, String clientId, String scope) {
    }

    private final ConsoleConfig config;

    public ConsoleConfigResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the browser console finds each service's API, and how it signs people in", hidden = true)
    public ConsoleSettings settings() {
        ConsoleConfig.Oidc oidc = config.oidc();
        Oidc provider = oidc.clientId().flatMap(client -> oidc.issuer().map(issuer -> new Oidc(issuer, client, oidc.scope())))
                .orElse(null);
        return new ConsoleSettings(Map.of("handoff", "", "scoring", config.scoringUrl(), "crmSync", config.crmSyncUrl()),
                new SignIn(provider, config.tokenPaste()));
    }
}
