package io.leadflow.capture.persistence;

import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.domain.WriteKeyDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The write keys of a mounted directory, such as a Kubernetes Secret's volume: each file one key
 * ({@link WriteKeyDefinition}), so that removing the Secret's entry removes the key. Kubernetes
 * mounts each entry as a link into a hidden, atomically swapped folder ({@code ..data}): names
 * starting with a dot are its own and skipped.
 */
final class WriteKeyDirectory {

    private final Path directory;

    WriteKeyDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    /**
     * The keys as the directory holds them now, by file name; none while it does not exist (a volume not mounted yet).
     *
     * @throws IllegalArgumentException naming the file, when a definition cannot work
     * @throws UncheckedIOException when the directory cannot be read
     */
    List<WriteKey> read() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(WriteKeyDirectory::definition)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("write keys directory " + directory + " cannot be read", e);
        }
    }

    private static WriteKey definition(Path file) {
        try {
            return WriteKeyDefinition.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("write key file " + file + " cannot be read", e);
        }
    }
}
