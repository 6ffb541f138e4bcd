package io.leadflow.capture.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.domain.KeyKind;
import io.leadflow.capture.domain.ManagedWriteKey;
import io.leadflow.capture.domain.WriteKeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The keys made through the management API, as a JSON file holding each key's SHA-256, never the
 * key. Changes are written to a temporary file and moved over the old one, so that a reader (or a
 * crash) never meets half a file; a lock file serializes writers, also those of other instances
 * sharing the file.
 */
final class WriteKeyFile {

    /** One key as stored. */
    record Entry(String id, String description, String kind, String sha256, List<String> allowedOrigins, Instant createdAt) {
    }

    /** The whole file. */
    record Contents(List<Entry> writeKeys) {
    }

    private final Path path;
    private final ObjectMapper json;

    WriteKeyFile(Path path, ObjectMapper json) {
        this.path = path.toAbsolutePath();
        this.json = json;
    }

    Path path() {
        return path;
    }

    /** The stored keys; none when the file does not exist yet. */
    List<ManagedWriteKey> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            Contents contents = json.readValue(path.toFile(), Contents.class);
            return contents.writeKeys() == null ? List.of() : contents.writeKeys().stream().map(WriteKeyFile::toKey).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("write keys file " + path + " cannot be read", e);
        }
    }

    /** When the file last changed, to notice other instances' changes; empty when it does not exist. */
    Optional<Instant> lastModified() {
        try {
            return Files.exists(path) ? Optional.of(Files.getLastModifiedTime(path).toInstant()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("write keys file " + path + " cannot be read", e);
        }
    }

    /** Reads the keys, changes them and writes them back, holding the lock throughout; returns what was written. */
    List<ManagedWriteKey> update(UnaryOperator<List<ManagedWriteKey>> change) {
        try {
            Files.createDirectories(path.getParent());
            Path lockFile = path.resolveSibling(path.getFileName() + ".lock");
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockChannel.lock()) {
                List<ManagedWriteKey> changed = change.apply(read());
                Path temporary = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
                json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(),
                        new Contents(changed.stream().map(WriteKeyFile::toEntry).toList()));
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return changed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("write keys file " + path + " cannot be written", e);
        }
    }

    private static ManagedWriteKey toKey(Entry entry) {
        KeyKind kind = KeyKind.fromWireName(entry.kind()).orElseThrow(() ->
                new IllegalArgumentException("write key " + entry.id() + ": kind must be public or secret"));
        return new ManagedWriteKey(WriteKeyRing.configured(entry.id(), entry.sha256(), kind,
                entry.allowedOrigins() == null ? List.of() : entry.allowedOrigins()), entry.description(), entry.createdAt());
    }

    private static Entry toEntry(ManagedWriteKey key) {
        return new Entry(key.id(), key.description(), key.key().kind().wireName(), key.key().sha256(),
                key.key().allowedOrigins(), key.createdAt());
    }
}
