package io.leadflow.handoff.console;

import io.leadflow.handoff.config.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's {@code config.json}: the base URL of each service it calls. Open to all, like the
 * console's files: it holds addresses only, and every API behind them asks for a token.
 */
@Path("/console/config.json")
public class ConsoleConfigResource {

    /**
     * @param services base URL per service; "" is this service's own origin
     */
    public record ConsoleSettings(Map<String, String> services) {
    }

    private final ConsoleConfig config;

    public ConsoleConfigResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the browser console finds each service's API", hidden = true)
    public ConsoleSettings settings() {
        return new ConsoleSettings(Map.of("handoff", "", "scoring", config.scoringUrl(), "crmSync", config.crmSyncUrl()));
    }
}
