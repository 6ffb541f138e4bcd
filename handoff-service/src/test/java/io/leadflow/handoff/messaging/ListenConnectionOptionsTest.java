package io.leadflow.handoff.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event feed's own LISTEN connection verifies the server as the datasource's pool does. */
class ListenConnectionOptionsTest {

    @Test
    void theListenConnectionTakesThePoolsUrlCredentialsAndFullVerification() {
        // Given the datasource's settings in production (deploy/k8s: verify-full against the cluster's CA)
        PgConnectOptions options = ListenConnectionOptions.of("postgresql://leadflow-db-rw:5432/leadflow?search_path=handoff&sslmode=verify-full",
                Optional.of("handoff"), Optional.of("pw"), Optional.of("verify-full"), Optional.of(List.of("/etc/leadflow/db-ca/ca.crt")),
                Optional.of("HTTPS"));

        // Then the connection is the pool's, and checks the certificate's chain and host name
        assertThat(options.getHost()).isEqualTo("leadflow-db-rw");
        assertThat(options.getUser()).isEqualTo("handoff");
        assertThat(options.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(options.getPemTrustOptions().getCertPaths()).containsExactly("/etc/leadflow/db-ca/ca.crt");
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void withoutTlsSettingsTheConnectionIsPlainAsThePoolsIs() {
        PgConnectOptions options = ListenConnectionOptions.of("vertx-reactive:postgresql://127.0.0.1:5432/leadflow", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("NONE"));

        assertThat(options.getSslMode()).isEqualTo(SslMode.DISABLE);
        assertThat(options.getPemTrustOptions()).isNull();
        assertThat(options.getHostnameVerificationAlgorithm()).isNullOrEmpty();
    }
}
