package io.leadflow.scoring.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new scoring model version to publish.
 *
 * @param author who publishes it
 * @param changelog one line saying what changes and why
 * @param model the scoring model document (see the README for its format)
 */
public record PublishModelRequest(String author, String changelog, JsonNode model) {
}
