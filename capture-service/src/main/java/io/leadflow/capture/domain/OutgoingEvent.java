package io.leadflow.capture.domain;

import io.leadflow.events.StorableText;
import java.time.Instant;
import java.util.Optional;

/** An accepted event, ready to be written to {@code leadflow.engagement.v1} as a CloudEvent. */
public sealed interface OutgoingEvent permits CapturedEvent, IdentifiedLead {

    /** The CloudEvent id: the client's event or message id, or one the service made. */
    String id();

    /** The record key: the lead key. */
    String key();

    /** The CloudEvent type. */
    String ceType();

    /** The CloudEvent time: when it happened. */
    Instant time();

    /** The CloudEvent data. */
    Object data();

    /** The first text, of what a client or vendor gave, that PostgreSQL could not keep ({@link StorableText}). */
    Optional<StorableText.Flaw> unstorableText();
}
