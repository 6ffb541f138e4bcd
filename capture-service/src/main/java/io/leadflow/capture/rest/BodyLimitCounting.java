package io.leadflow.capture.rest;

import io.leadflow.apisecurity.BodyTooLarge;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Counts the bodies refused for their size (api-security's body limit answers them, before anything reads them). */
@ApplicationScoped
class BodyLimitCounting {

    private final CaptureMetrics metrics;

    BodyLimitCounting(CaptureMetrics metrics) {
        this.metrics = metrics;
    }

    void count(@Observes BodyTooLarge refused) {
        metrics.rejected(Rejection.TOO_LARGE, 1);
    }
}
