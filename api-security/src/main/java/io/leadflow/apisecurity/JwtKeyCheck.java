package io.leadflow.apisecurity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Warns at start when bearer JWTs cannot be verified as docs/security.md asks. A service runs
 * either way (its Kafka work needs no JWT), but without a key its API refuses every token, and
 * SmallRye JWT says why only at debug level.
 */
@ApplicationScoped
class JwtKeyCheck {

    private static final Logger LOG = Logger.getLogger(JwtKeyCheck.class);

    void check(@Observes StartupEvent start, Config config) {
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
