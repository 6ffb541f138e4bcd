package io.leadflow.scoring.messaging;

import io.leadflow.events.StorableText;
import io.leadflow.txmessaging.IncomingEvent;
import io.leadflow.txmessaging.PoisonRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an engagement-topic record must be to be counted at all. Checked before any transaction opens: a
 * record that would break a column (or is larger than capture ever writes) would otherwise fail its
 * whole batch's transaction again and again.
 */
final class RecordLimits {

    /** Capture's limit for one event. */
    static final int MAX_RECORD_BYTES = 32 * 1024;
    /** The width of {@code lead_event.event_id} and {@code processed_event.event_id}. */
    static final int MAX_EVENT_ID = 200;
    /** The width of {@code lead.email}. */
    static final int MAX_EMAIL = 320;
    /** The width of {@code lead.lead_key} less the {@code anon:} prefix. */
    static final int MAX_ANONYMOUS_ID = 495;

    private RecordLimits() {
    }

    static void requireSize(String payload) {
        if (payload != null && payload.length() > MAX_RECORD_BYTES / 4 && payload.getBytes(StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
            throw new PoisonRecordException("the record is oversize: more than " + MAX_RECORD_BYTES + " bytes");
        }
    }

    static void requireId(IncomingEvent event) {
        if (event.id() == null || event.id().isBlank() || event.id().length() > MAX_EVENT_ID
                || StorableText.flaw("ce_id", event.id()).isPresent()) {
            throw new PoisonRecordException(event.type() + " has no usable ce_id: blank, longer than " + MAX_EVENT_ID
                    + " or holding text PostgreSQL cannot store");
        }
    }

    /** Capture refuses such text; a record that holds it anyway is stored by no transaction. */
    static void requireStorable(IncomingEvent event, Optional<StorableText.Flaw> flaw) {
        flaw.ifPresent(found -> {
            throw new PoisonRecordException(event.type() + " " + event.id() + " cannot be stored: " + found.field() + " "
                    + found.problem());
        });
    }

    /** Either is enough; each that is given must fit. */
    static void requireLead(IncomingEvent event, String email, String anonymousId) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasAnonymousId = anonymousId != null && !anonymousId.isBlank();
        if (!hasEmail && !hasAnonymousId) {
            throw new PoisonRecordException(event.type() + " " + event.id() + " names no lead: email or anonymousId is required");
        }
        if (hasEmail && email.trim().length() > MAX_EMAIL || hasAnonymousId && anonymousId.trim().length() > MAX_ANONYMOUS_ID) {
            throw new PoisonRecordException(event.type() + " " + event.id() + " is oversize: an email takes at most " + MAX_EMAIL
                    + " characters, an anonymousId " + MAX_ANONYMOUS_ID);
        }
    }
}
