package io.leadflow.handoff.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's policy names the OIDC provider by its origin, whatever path its issuer has. */
class ConsolePolicyTest {

    @Test
    void withoutAProviderTheConsoleConnectsToTheServicesOnly() {
        assertThat(ConsolePolicy.of("https://scoring.example.org", "https://crm.example.org", Optional.empty()))
                .isEqualTo("default-src 'self'; connect-src 'self' https://scoring.example.org https://crm.example.org; "
                        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    @Test
    void theProviderIsAllowedByOriginSoEndpointsOutsideTheIssuersPathAreReachable() {
        // Entra ID: issuer https://login.microsoftonline.com/{tenant}/v2.0, token endpoint .../{tenant}/oauth2/v2.0/token
        assertThat(ConsolePolicy.of("https://s", "https://c", Optional.of("https://login.microsoftonline.com/tenant-1/v2.0")))
                .contains("connect-src 'self' https://s https://c https://login.microsoftonline.com;");
        assertThat(ConsolePolicy.of("https://s", "https://c", Optional.of("http://127.0.0.1:8180/realms/leadflow")))
                .contains(" http://127.0.0.1:8180;");
    }

    @Test
    void anIssuerThatIsNotAnAbsoluteUrlIsRefused() {
        assertThatThrownBy(() -> ConsolePolicy.of("https://s", "https://c", Optional.of("realms/leadflow")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leadflow.console.oidc.issuer");
    }
}
