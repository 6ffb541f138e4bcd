package io.leadflow.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's overlays, each rendered once per test run. */
final class Overlays {

    static final List<String> SERVICES = List.of("capture-service", "scoring-service", "handoff-service", "crm-sync-service");
    private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();
    private static final String NOT_CHECKED = "kubectl not found (PATH, or env KUBECTL): the Kubernetes manifests in deploy/k8s"
            + " were NOT checked; install kubectl 1.27+, which has kustomize built in";
    private static final boolean KUBECTL_FOUND = kubectlFound();

    private Overlays() {
    }

    /** The repository root: the deploy module's parent (surefire runs in the module's folder). */
    static Path root() {
        return Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
    }

    /** The rendered overlay; skips the calling test, saying why, when kubectl is not installed. */
    static RenderedManifests rendered(String overlay) {
        assumeTrue(KUBECTL_FOUND, NOT_CHECKED);
        return RENDERED.computeIfAbsent(overlay, name -> RenderedManifests.render(root().resolve("deploy/k8s"), name));
    }

    private static boolean kubectlFound() {
        boolean found = RenderedManifests.kubectlAvailable();
        if (!found) {
            // said once where everyone sees it: a skipped test's reason is only in surefire's reports
            System.err.println("[deploy] " + NOT_CHECKED);
        }
        return found;
    }
}
