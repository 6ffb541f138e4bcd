package io.leadflow.handoff.messaging;

/** The service's messaging channels; topics are named in {@link io.leadflow.events.Topics}. */
public final class Channels {

    /** Lifecycle stage changes from scoring-service ({@code leadflow.lifecycle.v1}). */
    public static final String LIFECYCLE = "lifecycle";

    private Channels() {
    }
}
