package io.leadflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The objects `kubectl kustomize` renders for one overlay, as Jackson trees, with a few lookups. */
record RenderedManifests(String overlay, List<JsonNode> objects) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // env KUBECTL names another binary (one not on the PATH)
    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "kubectl");

    /** Whether kubectl (with its built-in kustomize) can be run; the tests skip without it. */
    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder(KUBECTL, "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static RenderedManifests render(Path k8sDir, String overlay) {
        try {
            Process process = new ProcessBuilder(KUBECTL, "kustomize", k8sDir.resolve("overlays").resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] yaml = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize failed for overlay " + overlay);
            }
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                    .readValues(new String(yaml, StandardCharsets.UTF_8))) {
                return new RenderedManifests(overlay, documents.readAll().stream().filter(JsonNode::isObject).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name.equals(name(object))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** Partitions of the KafkaTopic whose topicName is the given Kafka topic. */
    int partitions(String topic) {
        return ofKind("KafkaTopic").filter(t -> topic.equals(t.path("spec").path("topicName").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " has no KafkaTopic for " + topic))
                .path("spec").path("partitions").asInt();
    }

    @Override
    public String toString() {
        return overlay;
    }
}
