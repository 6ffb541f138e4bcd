package io.leadflow.scoring.persistence;

import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.LeadStanding;
import io.leadflow.scoring.domain.RescoreCheckpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link RescoreCheckpoint} as the lead's {@code rescore_checkpoint} JSON: {"modelVersion": 3, "through": "...",
 * "stage": "LEAD", "scoredAsOf": "...", "traits": {...}, "decayedSums": {...}}; the email is the lead's.
 */
final class RescoreCheckpointColumn {

    private RescoreCheckpointColumn() {
    }

    static Map<String, Object> of(RescoreCheckpoint checkpoint) {
        if (checkpoint == null) {
            return null;
        }
        LeadStanding standing = checkpoint.standing();
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("modelVersion", checkpoint.modelVersion());
        column.put("through", checkpoint.through().toString());
        column.put("stage", standing.stage().name());
        column.put("scoredAsOf", standing.scoredAsOf() == null ? null : standing.scoredAsOf().toString());
        column.put("traits", standing.traits());
        column.put("decayedSums", DecayedSumsColumn.of(standing.decayed()));
        return column;
    }

    @SuppressWarnings("unchecked")
    static RescoreCheckpoint read(Map<String, Object> column, String email) {
        if (column == null) {
            return null;
        }
        Instant scoredAsOf = column.get("scoredAsOf") == null ? null : Instant.parse((String) column.get("scoredAsOf"));
        LeadStanding standing = new LeadStanding(LifecycleStage.valueOf((String) column.get("stage")), email,
                (Map<String, Object>) column.get("traits"), scoredAsOf,
                DecayedSumsColumn.read((Map<String, Object>) column.get("decayedSums"), scoredAsOf));
        return new RescoreCheckpoint(((Number) column.get("modelVersion")).intValue(), Instant.parse((String) column.get("through")), standing);
    }
}
