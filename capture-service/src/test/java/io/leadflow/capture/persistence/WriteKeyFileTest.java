package io.leadflow.capture.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadflow.capture.domain.IssuedWriteKey;
import io.leadflow.capture.domain.ManagedWriteKey;
import io.leadflow.capture.domain.WriteKeyIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain JUnit against a real file: what is written, read back and never written. */
class WriteKeyFileTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final WriteKeyIssuer issuer = new WriteKeyIssuer(new SecureRandom(), Clock.systemUTC());

    @Test
    void keys_are_written_as_hashes_and_read_back_alike(@TempDir Path folder) throws Exception {
        // Given
        WriteKeyFile file = new WriteKeyFile(folder.resolve("keys/write-keys.json"), json);
        IssuedWriteKey site = issuer.issue("public", "www site", List.of("https://www.example.com"));
        IssuedWriteKey server = issuer.issue("secret", "crm", null);

        // When
        file.update(keys -> append(keys, site.managed()));
        List<ManagedWriteKey> written = file.update(keys -> append(keys, server.managed()));

        // Then
        assertThat(written).containsExactly(site.managed(), server.managed());
        assertThat(new WriteKeyFile(folder.resolve("keys/write-keys.json"), json).read()).isEqualTo(written);
        String stored = Files.readString(folder.resolve("keys/write-keys.json"));
        assertThat(stored).contains(site.managed().key().sha256()).doesNotContain(site.plaintext(), server.plaintext());
        assertThat(file.lastModified()).isPresent();
    }

    @Test
    void a_missing_file_holds_no_keys(@TempDir Path folder) {
        WriteKeyFile file = new WriteKeyFile(folder.resolve("none.json"), json);

        assertThat(file.read()).isEmpty();
        assertThat(file.lastModified()).isEmpty();
    }

    private static List<ManagedWriteKey> append(List<ManagedWriteKey> keys, ManagedWriteKey key) {
        List<ManagedWriteKey> more = new ArrayList<>(keys);
        more.add(key);
        return more;
    }
}
