package io.leadflow.scoring.rest;

/**
 * A calibration to start: the window of sales' verdicts to learn from, as ISO-8601 instants.
 *
 * @param from the window's start, included
 * @param to the window's end, excluded
 * @param testFrom where the test part starts, within the window; left out: where the latest 30% of the outcomes start
 */
public record CalibrationRequest(String from, String to, String testFrom) {
}
