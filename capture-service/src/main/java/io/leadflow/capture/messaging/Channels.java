package io.leadflow.capture.messaging;

/** The messaging channels of capture-service; topics are named in {@code io.leadflow.events.Topics}. */
public final class Channels {

    /** Writes {@code engagement.captured.v1} events to {@code leadflow.engagement.v1}. */
    public static final String ENGAGEMENT_OUT = "engagement-out";

    private Channels() {
    }
}
