package io.leadflow.handoff.messaging;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.util.List;
import java.util.Optional;

/**
 * The options of the event feed's LISTEN connection, which is opened outside the datasource's pool: the pool's
 * URL and credentials, and its TLS settings too ({@code quarkus.datasource.reactive.postgresql.ssl-mode},
 * {@code .trust-certificate-pem.certs}, {@code .hostname-verification-algorithm}), so that with
 * {@code verify-full} this connection checks the server's certificate and name as the pool's do.
 */
final class ListenConnectionOptions {

    private ListenConnectionOptions() {
    }

    static PgConnectOptions of(String url, Optional<String> user, Optional<String> password, Optional<String> sslMode,
            Optional<List<String>> trustedCertificates, Optional<String> hostnameVerificationAlgorithm) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        sslMode.map(SslMode::of).ifPresent(options::setSslMode);
        trustedCertificates.filter(paths -> !paths.isEmpty()).ifPresent(paths -> {
            PemTrustOptions trust = new PemTrustOptions();
            paths.forEach(trust::addCertPath);
            options.setPemTrustOptions(trust);
        });
        hostnameVerificationAlgorithm.filter(algorithm -> !algorithm.equalsIgnoreCase("NONE"))
                .ifPresent(options::setHostnameVerificationAlgorithm);
        return options;
    }
}
