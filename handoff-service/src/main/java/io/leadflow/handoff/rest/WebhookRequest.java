package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.FieldProblem;
import io.leadflow.webhooks.SigningSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A webhook subscription as a client sends it. Left-out filter sets do not narrow (see {@link EventFilter}).
 *
 * @param url where deliveries are POSTed: an absolute http or https URL
 * @param reps only events naming one of these reps (or from one of {@code queues})
 * @param queues only events of leads dealt from one of these queues (or naming one of {@code reps})
 * @param eventTypes only these CloudEvent types, such as {@code handoff.created.v1}
 * @param secret the first signing secret, {@code whsec_} and the base64 of 24 to 64 random bytes (Standard
 *     Webhooks); left out, the service makes one.
 *     Only when creating: later secrets come from rotation
 */
public record WebhookRequest(String url, Set<String> reps, Set<String> queues, Set<String> eventTypes, String secret) {

    EventFilter filter() {
        return new EventFilter(reps, queues, eventTypes);
    }

    /** What is wrong with it; {@code creating} allows a secret. */
    List<FieldProblem> problems(boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "is required"));
        } else if (!isHttpUrl(url)) {
            problems.add(new FieldProblem("url", "is not an absolute http or https URL"));
        }
        if (eventTypes != null) {
            eventTypes.stream().filter(type -> !EventFilter.EVENT_TYPES.contains(type)).sorted()
                    .forEach(type -> problems.add(new FieldProblem("eventTypes", "has an unknown type " + type + "; known: "
                            + EventFilter.EVENT_TYPES.stream().sorted().toList())));
        }
        if (secret != null && !creating) {
            problems.add(new FieldProblem("secret", "cannot be changed here: rotate with POST /v1/webhooks/{id}/secrets"));
        } else if (secret != null) {
            SigningSecret.problem(secret).ifPresent(why -> problems.add(new FieldProblem("secret", why)));
        }
        return problems;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
