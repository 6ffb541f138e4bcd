package io.leadflow.scoring.messaging;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.LeadIdentified;

/** An event of {@code leadflow.engagement.v1}, read and checked: what a batch is made of. */
sealed interface EngagementTopicEvent permits EngagementTopicEvent.Captured, EngagementTopicEvent.Identified {

    /** The CloudEvent id. */
    String id();

    /** An engagement to count, from a record of {@code partition}. */
    record Captured(String id, EngagementCaptured data, int partition) implements EngagementTopicEvent {
    }

    /**
     * An anonymous visitor made known: by an identification, or ({@code stitched}) by an engagement that carried both
     * an email and the visitor's anonymous id, such as a form post from a page with the snippet.
     */
    record Identified(String id, LeadIdentified data, boolean stitched) implements EngagementTopicEvent {
    }
}
