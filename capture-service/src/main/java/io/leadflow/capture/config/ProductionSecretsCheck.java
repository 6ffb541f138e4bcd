package io.leadflow.capture.config;

import io.leadflow.capture.domain.DevelopmentSecrets;
import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.persistence.WriteKeyStore;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a production start (the {@code prod} profile, which a packaged service runs) that holds a published
 * development key or link-signing secret, or no link-signing secret, naming what to set instead. The local
 * stack runs the {@code local} profile, which takes the development keys it passes.
 */
@ApplicationScoped
@Startup
public class ProductionSecretsCheck {

    ProductionSecretsCheck(CaptureConfig config, WriteKeyStore keys) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        List<WriteKey> all = new ArrayList<>(keys.configured());
        all.addAll(keys.mounted());
        List<String> problems = DevelopmentSecrets.productionProblems(all, config.linkSigningSecrets().orElse(List.of()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("capture-service does not start in production with published development "
                    + "secrets or without its own: " + String.join("; ", problems));
        }
    }
}
