package io.leadflow.handoff.messaging;

import io.leadflow.handoff.domain.HandoffAudience;

/**
 * A handoff event as live streams send it.
 *
 * @param position its place in commit order among all stored handoff events: the stream's event id
 * @param id the CloudEvent id
 * @param audience its type and whom it concerns, to pick the streams that get it
 * @param data the event's data, JSON exactly as on the topic
 */
public record StreamedEvent(long position, String id, HandoffAudience audience, String data) {
}
