package io.leadflow.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version, for a program that needs a newer one than the build
 * (Keycloak 26: Java 21): {@code KEYCLOAK_JAVA_HOME}, {@code JAVA_HOME}, this JVM, then the JDKs installed side by side
 * where Debian and the Temurin packages put them, newest first.
 */
public final class JavaRuntimes {

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    /** The home of a Java runtime of version {@code feature} or newer; throws, saying where it looked, when none is. */
    public static Path atLeast(int feature) {
        List<Path> candidates = new ArrayList<>();
        Stream.of(System.getenv("KEYCLOAK_JAVA_HOME"), System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(home -> home != null && !home.isBlank()).map(Path::of).forEach(candidates::add);
        candidates.addAll(installed());
        return candidates.stream().filter(home -> version(home).orElse(0) >= feature).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Java " + feature + " or newer: set KEYCLOAK_JAVA_HOME to one"
                        + " (looked at " + candidates + ")"));
    }

    /** The JDKs under /usr/lib/jvm, newest first. */
    private static List<Path> installed() {
        if (!Files.isDirectory(INSTALLED)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.filter(home -> version(home).isPresent())
                    .sorted(Comparator.comparing((Path home) -> version(home).orElse(0)).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version a Java home's {@code release} file names. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.valueOf(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
