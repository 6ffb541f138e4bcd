package io.leadflow.capture.rest;

import io.leadflow.capture.domain.RawEvent;
import java.util.List;
import java.util.Optional;

/**
 * A capture body as read, before validation.
 *
 * @param events its events, each with its place and size
 * @param batch whether it was a batch rather than one event
 * @param writeKey the {@code writeKey} field of the body (of the batch, or of the one event), if any
 */
record ParsedRequest(List<RawEvent> events, boolean batch, Optional<String> writeKey) {
}
