package io.leadflow.capture.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The write keys and link-signing secrets this project publishes (in its README, its dev and test
 * profiles and its local stack): anyone can use them, so production must hold none of them.
 */
public final class DevelopmentSecrets {

    /** The SHA-256 of each published key, with the key: lf_dev_secret, lf_dev_public, and the tests' lf_test_limited. */
    private static final Map<String, String> KEYS = Map.of(
            "2e57c10c4eff0b7750e501940a8969aeea49c341e8f5b3ac7c5b0f0ea8bcd714", "lf_dev_secret",
            "07151b295a45581d7e3b96873caa4633c4345e6e6a99b5453a63fccb3587e272", "lf_dev_public",
            "303efe46c49270798759f17a976750be5b66227f0a552dbef5fccd35a75cd3bc", "lf_test_limited");

    /** The published link-signing secrets, and the placeholder deploy/k8s documents. */
    private static final List<String> LINK_SECRETS = List.of("lf-dev-link-signing-secret-change-me-0001",
            "replace-me-with-a-random-secret-of-32-bytes-or-more");

    /** Why the service cannot start without a link-signing secret, and what to set. */
    public static final String NO_LINK_SECRET = "no link-signing secret is set: set leadflow.capture.link-signing-secrets "
            + "(env LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS) to a random secret of 32 bytes or more";

    private DevelopmentSecrets() {
    }

    /**
     * What stops a production start: each published key among {@code keys}, each published link secret among
     * {@code linkSecrets}, and no link secret at all. Each says what to set instead (its config key and env var).
     */
    public static List<String> productionProblems(Collection<WriteKey> keys, List<String> linkSecrets) {
        List<String> problems = new ArrayList<>();
        for (WriteKey key : keys) {
            String published = KEYS.get(key.sha256());
            if (published != null) {
                problems.add("write key '" + key.name() + "' is the published development key " + published
                        + ": remove it (leadflow.capture.write-keys.\"" + key.name() + "\".*, or its file in "
                        + "leadflow.capture.write-keys-dir) and configure keys of your own, each defined in a file of the "
                        + "directory leadflow.capture.write-keys-dir (env LEADFLOW_CAPTURE_WRITE_KEYS_DIR)");
            }
        }
        if (linkSecrets.isEmpty()) {
            problems.add(NO_LINK_SECRET);
        }
        for (String secret : linkSecrets) {
            if (LINK_SECRETS.contains(secret.trim())) {
                problems.add("a link-signing secret is a published development secret: set leadflow.capture.link-signing-secrets "
                        + "(env LEADFLOW_CAPTURE_LINK_SIGNING_SECRETS) to a random secret of 32 bytes or more");
            }
        }
        return problems;
    }
}
