package io.leadflow.bench.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server processes that serve one database's connections on this machine, found by the title
 * PostgreSQL gives each backend ({@code postgres: [cluster: ]user database client state}): what the services'
 * statements cost the database, apart from whatever else the same server runs. The server's shared processes (WAL
 * writer, checkpointer) serve every database and are left out; a backend that ends within a window takes its CPU with
 * it (the services' connection pools keep theirs open).
 */
public final class DatabaseBackends {

    private final Pattern title;
    private final String name;

    public DatabaseBackends(String database) {
        this.title = Pattern.compile("^postgres: (?:\\S+: )?\\S+ " + Pattern.quote(database) + " ");
        this.name = "postgresql (database " + database + ")";
    }

    /** The key its CPU is reported under. */
    public String name() {
        return name;
    }

    /** Whether a process title is that of a backend of this database. */
    boolean serves(String processTitle) {
        return title.matcher(processTitle).find();
    }

    /** CPU time (user + system) each backend of the database has used so far, in seconds, by process id. */
    Map<Long, Double> cpuSecondsByPid() {
        Map<Long, Double> seconds = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(entry -> {
                try {
                    String processTitle = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (serves(processTitle)) {
                        long pid = Long.parseLong(entry.getFileName().toString());
                        seconds.put(pid, new ServiceProcess(name, pid, null).cpuSeconds());
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended while listed, or not ours to read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return seconds;
    }

    /** The CPU seconds its backends used between two readings: all of a backend that started in between. */
    static double usedBetween(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream().mapToDouble(backend -> backend.getValue() - before.getOrDefault(backend.getKey(), 0.0)).sum();
    }
}
