package io.leadflow.capture.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.ManagedWriteKey;
import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.domain.WriteKeyRing;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Every write key capture accepts: those in the configuration (fixed while it runs), those of the keys
 * directory (a mounted Kubernetes Secret: a removed entry is refused within {@code write-keys-reload}) and
 * those made through the management API (in the keys file). Requests check keys against an immutable ring
 * that is swapped whole when keys change, so a check never waits for a change; changes made by other
 * instances sharing the file are picked up within {@code write-keys-reload}.
 */
@ApplicationScoped
@Startup
public class WriteKeyStore {

    private static final Logger LOG = Logger.getLogger(WriteKeyStore.class);

    /** What requests read: the ring and the managed keys it was made from, and the file's time then. */
    private record Snapshot(WriteKeyRing ring, List<WriteKey> mounted, List<ManagedWriteKey> managed, Optional<Instant> fileTime) {
    }

    private final List<WriteKey> configured;
    private final Optional<WriteKeyDirectory> directory;
    private final Optional<WriteKeyFile> file;
    private volatile Snapshot current;

    /** @throws IllegalArgumentException when a configured key or the keys file cannot work: the start fails */
    WriteKeyStore(CaptureConfig config, ObjectMapper json) {
        this.configured = config.writeKeys().entrySet().stream()
                .map(key -> WriteKeyRing.configured(key.getKey(), key.getValue().sha256(), key.getValue().kind(),
                        key.getValue().allowedOrigins().orElse(List.of())))
                .toList();
        this.directory = config.writeKeysDir().map(WriteKeyDirectory::new);
        this.file = config.writeKeysFile().map(path -> new WriteKeyFile(path, json));
        this.current = snapshot(directory.map(WriteKeyDirectory::read).orElse(List.of()), file.map(WriteKeyFile::read).orElse(List.of()));
        directory.filter(dir -> !Files.isDirectory(dir.path())).ifPresent(dir ->
                LOG.warnf("write keys directory %s does not exist (yet): none of its keys is accepted until it does", dir.path()));
        for (WriteKey key : current.mounted()) {
            if (configured.stream().anyMatch(other -> other.name().equals(key.name()))) {
                throw new IllegalArgumentException("write key " + key.name() + " is both configured and in " + directory.get().path());
            }
        }
    }

    /** The keys as they are now. */
    public WriteKeyRing ring() {
        return current.ring();
    }

    /** The keys of the configuration: they change only with it. */
    public List<WriteKey> configured() {
        return configured;
    }

    /** The keys of the keys directory: they change with its files. */
    public List<WriteKey> mounted() {
        return current.mounted();
    }

    /** Where the mounted keys come from: the keys directory, if one is set. */
    public Optional<Path> mountedFrom() {
        return directory.map(WriteKeyDirectory::path);
    }

    /** The keys made through the management API. */
    public List<ManagedWriteKey> managed() {
        return current.managed();
    }

    /** Whether keys can be made and revoked: only with a keys file to keep them. */
    public boolean manageable() {
        return file.isPresent();
    }

    /** Keeps a new key; it is accepted from the moment this returns. */
    public synchronized void add(ManagedWriteKey key) {
        WriteKeyFile keys = file.orElseThrow(() -> new IllegalStateException("no write keys file is configured"));
        current = snapshot(current.mounted(), keys.update(stored -> {
            List<ManagedWriteKey> more = new ArrayList<>(stored);
            more.add(key);
            return more;
        }));
    }

    /** Removes a managed key, refused from the moment this returns; false when there is no such key. */
    public synchronized boolean revoke(String id) {
        WriteKeyFile keys = file.orElseThrow(() -> new IllegalStateException("no write keys file is configured"));
        // decided under the file's lock: another instance may have revoked it a moment ago
        AtomicBoolean found = new AtomicBoolean();
        current = snapshot(current.mounted(), keys.update(stored -> {
            found.set(stored.stream().anyMatch(key -> key.id().equals(id)));
            return stored.stream().filter(key -> !key.id().equals(id)).toList();
        }));
        return found.get();
    }

    /**
     * Picks up the keys directory's changes (Kubernetes updates a mounted Secret in place) and those other
     * instances made to a shared keys file; a broken directory or file keeps its keys as they were.
     */
    @Scheduled(every = "${leadflow.capture.write-keys-reload:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reloadIfChanged() {
        List<WriteKey> mounted = current.mounted();
        if (directory.isPresent()) {
            try {
                mounted = directory.get().read();
            } catch (RuntimeException e) {
                LOG.errorf(e, "write keys directory %s could not be read; keeping its keys as they were", directory.get().path());
            }
        }
        List<ManagedWriteKey> managed = current.managed();
        if (file.isPresent()) {
            try {
                if (!file.get().lastModified().equals(current.fileTime())) {
                    managed = file.get().read();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "write keys file %s could not be read; keeping the keys as they were", file.get().path());
            }
        }
        if (!mounted.equals(current.mounted()) || managed != current.managed()) {
            current = snapshot(mounted, managed);
        }
    }

    private Snapshot snapshot(List<WriteKey> mounted, List<ManagedWriteKey> managed) {
        List<WriteKey> all = new ArrayList<>(configured);
        all.addAll(mounted);
        managed.forEach(key -> all.add(key.key()));
        return new Snapshot(new WriteKeyRing(all), List.copyOf(mounted), List.copyOf(managed), file.flatMap(WriteKeyFile::lastModified));
    }
}
