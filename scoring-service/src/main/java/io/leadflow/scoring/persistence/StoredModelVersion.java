package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A published scoring model version as stored.
 *
 * @param version its number, 1 for the shipped default
 * @param author who published it
 * @param changelog one line saying what changed and why
 * @param createdAt when it was published
 * @param active true for the version every engagement is scored with
 * @param document the model document as published
 */
public record StoredModelVersion(int version, String author, String changelog, Instant createdAt, boolean active,
        JsonNode document) {
}
