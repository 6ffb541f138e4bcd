package io.leadflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Micrometer meters the code registers (leadflow.*), and the ones a PromQL text uses, by Prometheus name. */
final class CodeMeters {

    // leadflow_x_y_total, leadflow_x_y_seconds_max, ... as Micrometer's Prometheus registry names them
    private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\bleadflow_([a-z_]+?)(?:_seconds)?(?:_total|_sum|_count|_max|_bucket)?\\b");
    private static final Pattern METER_NAME = Pattern.compile("\"(leadflow\\.[a-z.-]+)\"");

    private CodeMeters() {
    }

    /** The meter names (leadflow.events.in, ...) the PromQL expression uses; a "-" in a meter name is "_" in Prometheus. */
    static Set<String> usedBy(String expression) {
        Set<String> used = new TreeSet<>();
        Matcher name = PROMETHEUS_NAME.matcher(expression);
        while (name.find()) {
            used.add("leadflow." + name.group(1).replace('_', '.'));
        }
        return used;
    }

    /** Every string literal in the services' main code that looks like a meter name, with "-" and "." both as ".". */
    static Set<String> registered() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Overlays.root())) {
            files.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/")).forEach(file -> {
                try {
                    METER_NAME.matcher(Files.readString(file)).results().forEach(match -> names.add(match.group(1).replace('-', '.')));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
