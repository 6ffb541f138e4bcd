package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Production runs pinned images: every service's image in the prod overlay carries a release's version tag and the
 * digest the registry stored at the push (deploy/images/build --version V --push REGISTRY writes both), so what runs
 * cannot change under a moved tag; and the release script rewrites exactly those lines.
 */
class ReleaseImagesTest {

    private static final Pattern PINNED = Pattern.compile("[a-z0-9.:/-]+/leadflow/[a-z-]+:\\d+\\.\\d+\\.\\d+@sha256:[0-9a-f]{64}");

    @Test
    void productionRunsEveryServiceImageByVersionAndDigest() {
        RenderedManifests prod = Overlays.rendered("prod");

        for (String service : Overlays.SERVICES) {
            JsonNode container = KubernetesManifestsTest.podSpec(prod.get("Deployment", service)).path("containers").get(0);
            assertThat(container.path("image").asText()).as("%s image in prod", service).matches(PINNED).contains("/leadflow/" + service + ":");
        }
    }

    @Test
    void theReleaseScriptRewritesEachServicesImagesLineOfTheProdOverlay() throws IOException {
        // release-pin's sed expression matches the overlay's one-line entries: one per service, nothing else
        String overlay = Files.readString(Overlays.root().resolve("deploy/k8s/overlays/prod/kustomization.yaml"));
        String script = Files.readString(Overlays.root().resolve("deploy/images/release-pin"));
        assertThat(script).contains("s#^  - \\{name: leadflow/$service,.*\\}\\$#");
        for (String service : Overlays.SERVICES) {
            assertThat(overlay.lines().filter(line -> line.matches("  - \\{name: leadflow/" + service + ",.*}"))).as(service).hasSize(1);
        }
    }
}
