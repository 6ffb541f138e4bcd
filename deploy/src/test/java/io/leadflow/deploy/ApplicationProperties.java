package io.leadflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A service module's own configuration, as the checks that derive things from it read it. */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    /** {@code src/main/resources/application.properties} of the module. */
    public static Properties of(Path module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
