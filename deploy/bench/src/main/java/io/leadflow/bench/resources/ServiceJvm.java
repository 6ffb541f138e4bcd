package io.leadflow.bench.resources;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names the JVM a service runs on, as a report gives it: the runtime its Java home's {@code release} file names and the
 * JVM options on its command line that change what is measured (heap, collector, object headers, AOT cache).
 */
public final class ServiceJvm {

    private static final Pattern IMPLEMENTOR_VERSION = Pattern.compile("^IMPLEMENTOR_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern RUNTIME_VERSION = Pattern.compile("^JAVA_RUNTIME_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    private ServiceJvm() {
    }

    /**
     * "Temurin-25.0.3+9 (25.0.3+9-LTS) -Xmx256m -XX:+UseSerialGC": from the text of the home's {@code release} file and
     * the process's command line (its arguments before {@code -jar} or the main class that start with {@code -X}).
     */
    public static String describe(String release, List<String> commandLine) {
        Optional<String> implementor = value(IMPLEMENTOR_VERSION, release);
        Optional<String> runtime = value(RUNTIME_VERSION, release).or(() -> value(VERSION, release));
        String name = implementor.map(i -> runtime.map(r -> i + " (" + r + ")").orElse(i))
                .orElseGet(() -> runtime.map(r -> "Java " + r).orElse("an unnamed JVM"));
        String options = commandLine.stream().skip(1).takeWhile(argument -> argument.startsWith("-") && !argument.equals("-jar"))
                .filter(argument -> argument.startsWith("-X")).collect(Collectors.joining(" "));
        return options.isEmpty() ? name : name + " " + options;
    }

    private static Optional<String> value(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
