package io.leadflow.handoff.rest;

import io.leadflow.handoff.domain.EventFilter;
import io.leadflow.handoff.domain.FieldProblem;
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
 * @param secret the first signing secret (at least 24 characters); left out, the service makes one.
 *     Only when creating: later secrets come from rotation
 */
public record WebhookRequest(String url, Set<String> reps, Set<String> queues, Set<String> eventTypes, String secret) {

    static final int MIN_SECRET_LENGTH = 24;

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
        } else if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
            problems.add(new FieldProblem("secret", "must have at least " + MIN_SECRET_LENGTH + " characters"));
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
