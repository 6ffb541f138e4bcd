package io.leadflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The podman command line, as the image tests use it: run, stop, start, inspect, exec, logs, remove. */
final class Podman {

    private static final String PODMAN = System.getenv().getOrDefault("PODMAN", "podman");

    /** What a podman command printed, and how it ended. */
    record Result(int exitCode, String output) {
        Result orThrow(List<String> command) {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    private Podman() {
    }

    /** Whether podman answers, and the images exist: the tests skip otherwise, saying what to run. */
    static boolean hasImages(List<String> images) {
        try {
            if (run(List.of("version", "--format", "{{.Client.Version}}"), Duration.ofSeconds(30)).exitCode() != 0) {
                return false;
            }
            return images.stream().allMatch(image -> run(List.of("image", "exists", image), Duration.ofSeconds(30)).exitCode() == 0);
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    static Result run(List<String> arguments, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(PODMAN);
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String ok(String... arguments) {
        return run(List.of(arguments), Duration.ofMinutes(2)).orThrow(List.of(arguments)).output();
    }

    /** A Go template over {@code podman inspect} of a container or an image. */
    static String inspect(String object, String format) {
        return ok("inspect", "--format", format, object);
    }

    /** Removes the container, running or not; quiet when there is none. */
    static void remove(String container) {
        run(List.of("rm", "--force", "--time", "5", container), Duration.ofMinutes(1));
    }
}
