package io.leadflow.capture.domain.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The vendors' documented example payloads (test resources; each file's # lines cite its doc page). */
public final class VendorPayloads {

    private VendorPayloads() {
    }

    /** A payload file without its # lines. */
    public static String text(String name) {
        try (InputStream in = VendorPayloads.class.getResourceAsStream("/io/leadflow/capture/connectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form payload ({@code name=value} a line, decoded), as the HTTP layer hands it over. */
    public static Map<String, List<String>> form(String name) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        text(name).lines().filter(line -> line.contains("=")).forEach(line -> fields.put(
                line.substring(0, line.indexOf('=')), List.of(line.substring(line.indexOf('=') + 1))));
        return fields;
    }
}
