package io.leadflow.scoring.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The keyed hash of an erased lead's key (ErasedKeyHash; plain SHA-256 in entries written before) and when it was erased. */
@Entity
@Table(name = "erased_key")
public class ErasedKey {

    @Id
    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    protected ErasedKey() {
    }

    ErasedKey(String keyHash, Instant erasedAt) {
        this.keyHash = keyHash;
        this.erasedAt = erasedAt;
    }

    String keyHash() {
        return keyHash;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    void erasedAgain(Instant at) {
        this.erasedAt = at;
    }
}
