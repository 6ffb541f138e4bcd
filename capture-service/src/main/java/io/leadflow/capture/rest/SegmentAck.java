package io.leadflow.capture.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadflow.capture.domain.FieldError;
import java.util.List;

/**
 * Segment's answer to an accepted call, which its SDKs expect.
 *
 * @param success always true: a request that captures nothing is answered with problem+json
 * @param rejected the wrong fields of a batch's messages that were not captured, while the others were (absent when
 *     every message was): Segment answers such a batch 200, and its SDKs retry no 400, so a wrong message must not
 *     cost the right ones
 */
public record SegmentAck(boolean success, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> rejected) {
}
