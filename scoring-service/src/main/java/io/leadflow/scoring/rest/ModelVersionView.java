package io.leadflow.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.scoring.persistence.StoredModelVersion;
import java.time.Instant;

/**
 * A scoring model version as the API shows it; lists leave out the document.
 *
 * @param version its number
 * @param author who published it
 * @param changelog what changed and why
 * @param createdAt when it was published
 * @param active true for the version in force
 * @param model the model document
 * @param replay the replay that re-scores every lead under it, started when it was published (only then)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(int version, String author, String changelog, Instant createdAt, boolean active, JsonNode model,
        ReplayJobView replay) {

    static ModelVersionView of(StoredModelVersion stored) {
        return new ModelVersionView(stored.version(), stored.author(), stored.changelog(), stored.createdAt(), stored.active(),
                stored.document(), null);
    }

    static ModelVersionView published(StoredModelVersion stored, ReplayJobView replay) {
        return new ModelVersionView(stored.version(), stored.author(), stored.changelog(), stored.createdAt(), stored.active(),
                stored.document(), replay);
    }

    static ModelVersionView summaryOf(StoredModelVersion stored) {
        return new ModelVersionView(stored.version(), stored.author(), stored.changelog(), stored.createdAt(), stored.active(), null,
                null);
    }
}
