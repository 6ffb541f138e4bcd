package io.leadflow.capture.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.capture.config.CaptureConfig;
import io.leadflow.capture.config.ConnectorBeans.ConnectorWorkspaces;
import io.leadflow.capture.domain.FieldError;
import io.leadflow.capture.domain.Validation;
import io.leadflow.capture.messaging.CaptureMetrics;
import io.leadflow.capture.messaging.CaptureMetrics.Rejection;
import io.leadflow.capture.messaging.CaptureMetrics.Source;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every connector's webhook does alike: find the workspace's connector, refuse what the vendor
 * did not sign, and answer 2xx only once the events are durably in Kafka, so that a vendor retries
 * (with the same event ids) whatever was not.
 */
@ApplicationScoped
class ConnectorCapture {

    private static final int VENDOR_RETRY_AFTER_SECONDS = 60;

    private final ConnectorWorkspaces workspaces;
    private final AcknowledgedCapture capture;
    private final CaptureMetrics metrics;
    private final ObjectMapper json;

    ConnectorCapture(ConnectorWorkspaces workspaces, AcknowledgedCapture capture, CaptureMetrics metrics, ObjectMapper json) {
        this.workspaces = workspaces;
        this.capture = capture;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * The workspace's settings of one vendor.
     *
     * @throws RequestRefused 404 when the workspace has no such connector
     */
    <T> T settings(String vendor, String workspace, Function<CaptureConfig.Connectors, Optional<T>> vendorSettings) {
        return workspaces.of(workspace).flatMap(vendorSettings).orElseThrow(() -> {
            metrics.rejected(Rejection.UNAUTHORIZED, 1);
            return new RequestRefused(Problems.notFound("no " + vendor + " connector is configured for workspace '"
                    + workspace + "'"));
        });
    }

    /**
     * A signed notification's body as the JSON object it must be.
     *
     * @throws RequestRefused 400 when it is not JSON, or not an object
     */
    JsonNode notification(byte[] body) {
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (IOException notJson) {
            notification = null;
        }
        if (notification == null || !notification.isObject()) {
            metrics.rejected(Rejection.MALFORMED, 1);
            throw new RequestRefused(Problems.malformed(new FieldError("body", "must be a JSON object")));
        }
        return notification;
    }

    /** The 403 of a request the vendor did not sign (or sign with this workspace's secret); nothing is captured. */
    Response forged(String what) {
        metrics.rejected(Rejection.FORBIDDEN, 1);
        return Problems.answer(Problems.problem(403, "invalid-signature", "Invalid signature",
                what + " does not match this workspace's connector settings; nothing was captured", List.of()));
    }

    /** The 503 of a webhook whose lead the vendor's API did not give: the vendor retries the delivery. */
    Response vendorUnavailable(String vendor) {
        return Response.fromResponse(Problems.answer(Problems.problem(503, "vendor-unavailable", "Service unavailable",
                        vendor + "'s API did not give the lead the notification names; nothing was captured, send it again",
                        List.of())))
                .header(HttpHeaders.RETRY_AFTER, VENDOR_RETRY_AFTER_SECONDS)
                .build();
    }

    /** Publishes the mapped events and answers {@code 200 OK} once they are in Kafka; 400 naming wrong fields, 503. */
    Uni<Response> publish(Validation validation) {
        if (!validation.isValid()) {
            metrics.rejected(Rejection.INVALID, 1);
            return Uni.createFrom().item(Problems.invalid(validation.errors()));
        }
        return capture.publish(validation.events(), Source.CONNECTOR,
                () -> Response.ok(Map.of("captured", validation.events().size())).build());
    }
}
