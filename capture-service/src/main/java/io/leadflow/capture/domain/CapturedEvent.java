package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.StorableText;
import java.time.Instant;
import java.util.Optional;

/**
 * An accepted engagement, ready to be written to the engagement topic.
 *
 * @param id the event id: the CloudEvent id, given by the client or made by the service
 * @param data the event
 */
public record CapturedEvent(String id, EngagementCaptured data) implements OutgoingEvent {

    /** The record key: the lead key. */
    @Override
    public String key() {
        return data.leadKey();
    }

    /** This event flagged as no person's engagement, for {@code reason}. */
    public CapturedEvent flaggedAsBot(String reason) {
        return new CapturedEvent(id, BotClassifier.flagged(data, reason));
    }

    @Override
    public String ceType() {
        return EngagementCaptured.TYPE;
    }

    @Override
    public Instant time() {
        return data.occurredAt();
    }

    @Override
    public Optional<StorableText.Flaw> unstorableText() {
        return StorableText.flaw("eventId", id).or(data::unstorableText);
    }
}
