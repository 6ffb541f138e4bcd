package io.leadflow.capture.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.domain.ManagedWriteKey;
import io.leadflow.capture.domain.WriteKey;
import io.leadflow.capture.domain.WriteKeyRing;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Every write key capture accepts: those in the configuration (fixed while it runs) and those made
 * through the management API (in the keys file). Requests check keys against an immutable ring
 * that is swapped whole when keys change, so a check never waits for a change; changes made by
 * other instances sharing the file are picked up within {@code write-keys-reload}.
 */
@ApplicationScoped
@Startup
public class WriteKeyStore {

    private static final Logger LOG = Logger.getLogger(WriteKeyStore.class);

    /** What requests read: the ring and the managed keys it was made from, and the file's time then. */
    private record Snapshot(WriteKeyRing ring, List<ManagedWriteKey> managed, Optional<Instant> fileTime) {
    }

    private final List<WriteKey> configured;
    private final Optional<WriteKeyFile> file;
    private volatile Snapshot current;

    /** @throws IllegalArgumentException when a configured key or the keys file cannot work: the start fails */
    WriteKeyStore(CaptureConfig config, ObjectMapper json) {
        this.configured = config.writeKeys().entrySet().stream()
                .map(key -> WriteKeyRing.configured(key.getKey(), key.getValue().sha256(), key.getValue().kind(),
                        key.getValue().allowedOrigins().orElse(List.of())))
                .toList();
        this.file = config.writeKeysFile().map(path -> new WriteKeyFile(path, json));
        this.current = snapshot(file.map(WriteKeyFile::read).orElse(List.of()));
    }

    /** The keys as they are now. */
    public WriteKeyRing ring() {
        return current.ring();
    }

    /** The keys of the configuration: they change only with it. */
    public List<WriteKey> configured() {
        return configured;
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
        current = snapshot(keys.update(stored -> {
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
        current = snapshot(keys.update(stored -> {
            found.set(stored.stream().anyMatch(key -> key.id().equals(id)));
            return stored.stream().filter(key -> !key.id().equals(id)).toList();
        }));
        return found.get();
    }

    /** Picks up changes other instances made to a shared keys file; a broken file keeps the keys as they were. */
    @Scheduled(every = "${leadflow.capture.write-keys-reload:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        try {
            if (!file.get().lastModified().equals(current.fileTime())) {
                current = snapshot(file.get().read());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "write keys file %s could not be read; keeping the keys as they were", file.get().path());
        }
    }

    private Snapshot snapshot(List<ManagedWriteKey> managed) {
        List<WriteKey> all = new ArrayList<>(configured);
        managed.forEach(key -> all.add(key.key()));
        return new Snapshot(new WriteKeyRing(all), List.copyOf(managed), file.flatMap(WriteKeyFile::lastModified));
    }
}
