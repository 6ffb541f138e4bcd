package io.leadflow.capture.domain;

import io.leadflow.events.LeadIdentified;
import io.leadflow.events.StorableText;
import java.time.Instant;
import java.util.Optional;

/**
 * An accepted identify: an anonymous visitor made known, keyed by the known lead.
 *
 * @param id the event id: the CloudEvent id, the client's message id or one the service made
 * @param data the event
 */
public record IdentifiedLead(String id, LeadIdentified data) implements OutgoingEvent {

    @Override
    public String key() {
        return data.leadKey();
    }

    @Override
    public String ceType() {
        return LeadIdentified.TYPE;
    }

    @Override
    public Instant time() {
        return data.occurredAt();
    }

    @Override
    public Optional<StorableText.Flaw> unstorableText() {
        return StorableText.flaw("messageId", id).or(data::unstorableText);
    }
}
