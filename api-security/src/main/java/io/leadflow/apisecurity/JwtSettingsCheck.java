package io.leadflow.apisecurity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Checks at start that bearer JWTs are verified as docs/security.md asks. Without an audience a
 * service would take any token its provider signs for any of its applications, so it refuses to
 * start (SmallRye JWT skips the {@code aud} check when none is configured). Without a key it starts
 * (its Kafka work needs no JWT) and its API refuses every token, which SmallRye JWT says only at
 * debug level: a warning says it.
 */
@ApplicationScoped
class JwtSettingsCheck {

    private static final Logger LOG = Logger.getLogger(JwtSettingsCheck.class);

    static final String NO_AUDIENCE = "MP_JWT_VERIFY_AUDIENCES is not set: set it to the audience (aud) the identity "
            + "provider puts in this API's access tokens, or this service would accept tokens issued for any other "
            + "application of the provider (docs/security.md)";

    void check(@Observes StartupEvent start, Config config) {
        boolean audience = config.getOptionalValues("mp.jwt.verify.audiences", String.class)
                .map(List::stream).orElseGet(Stream::empty).anyMatch(value -> !value.isBlank());
        if (!audience) {
            throw new IllegalStateException(NO_AUDIENCE);
        }
        boolean key = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        boolean issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class).isPresent();
        if (!key) {
            LOG.warn("no key verifies bearer JWTs (MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set): "
                    + "the management and sales API refuses every token");
        } else if (!issuer) {
            LOG.warn("MP_JWT_VERIFY_ISSUER is not set: bearer JWTs are accepted from any issuer the key signs for");
        }
    }
}
