package io.leadflow.capture.rest;

import java.util.List;

/**
 * The answer to an accepted {@code POST /v1/events}.
 *
 * @param eventIds the ids of the captured events, in request order: each is the CloudEvent id
 */
public record EventIds(List<String> eventIds) {
}
