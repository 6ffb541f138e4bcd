package io.leadflow.scoring.messaging;

import io.leadflow.events.LeadStageChanged;
import io.leadflow.scoring.persistence.StageChangeRepository;
import io.leadflow.txmessaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Where every announcement about a lead goes to the outbox: each stage change among them joins the lead's lifecycle
 * history in the same transaction, under the announcement's id and with its times, so the history and the
 * lifecycle topic cannot disagree. One statement for the history, only when a stage changed.
 */
@ApplicationScoped
class Announcements {

    /** Reasons recorded with a stage change. */
    static final String ENGAGEMENT = "engagement";
    static final String RESCORING = "history scored afresh";

    private final StageChangeRepository stageChanges;
    private final Outbox outbox;

    Announcements(StageChangeRepository stageChanges, Outbox outbox) {
        this.stageChanges = stageChanges;
        this.outbox = outbox;
    }

    /** Adds the events to the outbox and their stage changes, for {@code reason}, to the history; in an open transaction. */
    Uni<Void> add(List<Outbox.Event> events, String reason) {
        List<StageChangeRepository.Recorded> changes = events.stream()
                .filter(event -> event.data() instanceof LeadStageChanged)
                .map(event -> recorded(event.eventId(), (LeadStageChanged) event.data(), reason))
                .toList();
        return stageChanges.record(changes).flatMap(recorded -> outbox.addAll(events));
    }

    private static StageChangeRepository.Recorded recorded(String eventId, LeadStageChanged change, String reason) {
        return new StageChangeRepository.Recorded(eventId, UUID.fromString(change.leadId()), change.from(), change.to(),
                change.changedAt(), change.causeEventId(), reason);
    }
}
