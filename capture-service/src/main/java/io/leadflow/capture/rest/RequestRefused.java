package io.leadflow.capture.rest;

import jakarta.ws.rs.core.Response;

/** A request refused before its events were looked at (no key, wrong origin, rate limited): its answer. */
class RequestRefused extends RuntimeException {

    private final transient Response answer;

    RequestRefused(Response answer) {
        super(null, null, false, false);
        this.answer = answer;
    }

    Response answer() {
        return answer;
    }
}
