package io.leadflow.crmsync.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the CRM did with each handoff of one call, in the chunk's order, whatever the adapter answered. */
public final class ChunkOutcomes {

    static final String NO_OUTCOME = "the CRM adapter answered no outcome for this handoff";

    private ChunkOutcomes() {
    }

    /** One outcome per handoff of {@code chunk}, matched by handoff id; a handoff the answer left out counts as rejected. */
    public static List<UpsertOutcome> match(List<ConsumedHandoff> chunk, List<UpsertOutcome> answered) {
        Map<String, UpsertOutcome> byHandoff = new HashMap<>();
        answered.forEach(outcome -> byHandoff.putIfAbsent(outcome.handoffId(), outcome));
        return chunk.stream()
                .map(handoff -> byHandoff.getOrDefault(handoff.handoffId(), UpsertOutcome.rejected(handoff.handoffId(), NO_OUTCOME)))
                .toList();
    }

    /** The call failed as a whole (no answer, 429, 5xx): every handoff of it failed, with the call's error. */
    public static List<UpsertOutcome> callFailed(List<ConsumedHandoff> chunk, String error) {
        return chunk.stream().map(handoff -> UpsertOutcome.rejected(handoff.handoffId(), error)).toList();
    }
}
