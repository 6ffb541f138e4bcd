package io.leadflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Egress to the internet only for the services that call out: a service whose code uses an HTTP client (the lead-ad
 * vendors' APIs, webhooks, the CRMs) may reach public HTTPS addresses; one that calls nobody (scoring) reaches only
 * what every service needs (DNS, the brokers, the database, the collector, the OIDC provider's keys).
 */
class NetworkEgressTest {

    // the HTTP clients the services use: Vert.x's WebClient, the JDK's, MicroProfile's and Quarkus' REST clients
    private static final Pattern HTTP_CLIENT = Pattern.compile("(?m)^import (io\\.vertx(\\.mutiny)?\\.ext\\.web\\.client|java\\.net\\.http"
            + "|org\\.eclipse\\.microprofile\\.rest\\.client|io\\.quarkus\\.rest\\.client)\\.");
    private static final String INTERNET = "0.0.0.0/0";

    @Test
    void whoCallsOutIsReadFromTheCode() {
        assertThat(callsOut("capture-service")).isTrue();
        assertThat(callsOut("handoff-service")).isTrue();
        assertThat(callsOut("crm-sync-service")).isTrue();
        assertThat(callsOut("scoring-service")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheServicesThatCallOutMayReachTheInternet(String overlay) {
        RenderedManifests manifests = Overlays.rendered(overlay);

        for (String service : Overlays.SERVICES) {
            JsonNode labels = manifests.get("Deployment", service).path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> internetRules = manifests.ofKind("NetworkPolicy").filter(policy -> selects(policy, labels))
                    .flatMap(policy -> Stream.of(policy.path("spec").path("egress")).flatMap(rules -> rules.findParents("ipBlock").stream()))
                    .filter(peer -> peer.path("ipBlock").path("cidr").asText().equals(INTERNET)).toList();
            assertThat(!internetRules.isEmpty()).as("%s may reach the internet", service).isEqualTo(callsOut(service));
        }
    }

    private static boolean selects(JsonNode policy, JsonNode podLabels) {
        JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
        return selector.properties().stream().allMatch(label -> podLabels.path(label.getKey()).asText().equals(label.getValue().asText()));
    }

    /** Whether the module's main code imports an HTTP client. */
    static boolean callsOut(String service) {
        try (Stream<Path> files = Files.walk(Overlays.root().resolve(service).resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                try {
                    return HTTP_CLIENT.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
