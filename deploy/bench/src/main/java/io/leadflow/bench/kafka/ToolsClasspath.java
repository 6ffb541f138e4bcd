package io.leadflow.bench.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath kafka-tools runs from: local-infra's launcher jar (on this harness's classpath) and
 * the dependency list its build wrote into it, {@code leadflow/local-infra.classpath}.
 */
public final class ToolsClasspath {

    private static final String RESOURCE = "leadflow/local-infra.classpath";

    private ToolsClasspath() {
    }

    public static String find() {
        URL resource = ToolsClasspath.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath: build local-infra first");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return root(resource) + File.pathSeparator + dependencies;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static String root(URL resource) throws URISyntaxException {
        String url = resource.toString();
        if (url.startsWith("jar:")) {
            return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/")))).toString();
        }
        return Path.of(resource.toURI()).getParent().getParent().toString();
    }
}
