package io.leadflow.scoring.domain.model;

/**
 * What is wrong with a scoring model document.
 *
 * @param field the path of the wrong field, such as {@code engagementRules[2].points}
 * @param message what is wrong with it
 */
public record ModelProblem(String field, String message) {
}
