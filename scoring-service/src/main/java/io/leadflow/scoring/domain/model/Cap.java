package io.leadflow.scoring.domain.model;

import java.time.Duration;

/**
 * At most {@code max} of a rule's entries count within any window of length {@code per}
 * (an ISO-8601 duration such as {@code P1D}); further matches in the window score nothing.
 */
public record Cap(Integer max, Duration per) {
}
