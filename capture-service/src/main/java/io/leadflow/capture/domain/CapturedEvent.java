package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;

/**
 * An accepted event, ready to be written to the engagement topic.
 *
 * @param id the event id: the CloudEvent id, given by the client or made by the service
 * @param data the event
 */
public record CapturedEvent(String id, EngagementCaptured data) {

    /** The record key: the lead key. */
    public String key() {
        return data.leadKey();
    }
}
