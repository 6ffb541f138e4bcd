package io.leadflow.txmessaging;

import io.leadflow.events.ErasedKeyHash;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's erasure secret ({@code LEADFLOW_ERASURE_KEY_SECRET}) as the keyed hash of erased lead keys, for
 * every service that keeps erased keys (each checks them at its intake). Made at startup, so a deployment without the
 * secret refuses to start, naming the variable to set.
 */
public class ErasureKeySecret {

    @Produces
    @Singleton
    @Startup
    ErasedKeyHash erasedKeyHash(@ConfigProperty(name = ErasedKeyHash.SECRET_PROPERTY) Optional<String> secret) {
        return ErasedKeyHash.withSecret(secret.orElse(null));
    }
}
