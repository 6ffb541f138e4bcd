package io.leadflow.scoring.domain;

/**
 * An event of a lead's stored history with the share of its points that still counts.
 *
 * @param event the engagement or identification
 * @param weight 1, less once sales recycled the lead after it (the recycle policy's share per recycling)
 */
public record RecordedEvent(LeadEvent event, double weight) {
}
