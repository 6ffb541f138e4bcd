package io.leadflow.capture.rest;

/**
 * Segment's answer to an accepted call, which its SDKs expect.
 *
 * @param success always true: errors are problem+json
 */
public record SegmentAck(boolean success) {

    static final SegmentAck SUCCESS = new SegmentAck(true);
}
