package io.leadflow.handoff.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription's signing secrets, newest first. Rotating adds a new secret and gives the others
 * a retirement time; until then deliveries carry a signature under each, so a receiver can switch
 * to the new secret whenever it likes within the overlap.
 */
public record SecretRing(List<WebhookSecret> secrets) {

    public SecretRing {
        secrets = List.copyOf(secrets);
    }

    public static SecretRing of(WebhookSecret first) {
        return new SecretRing(List.of(first));
    }

    /** The ring with {@code added} first, the live secrets retiring after {@code overlap}, and retired ones dropped. */
    public SecretRing rotate(WebhookSecret added, Instant now, Duration overlap) {
        List<WebhookSecret> next = new ArrayList<>();
        next.add(added);
        secrets.stream().filter(secret -> secret.liveAt(now)).map(secret -> secret.retiringAt(now.plus(overlap))).forEach(next::add);
        return new SecretRing(next);
    }

    /** Whether secret {@code id} signs at {@code now} and another one would still sign without it. */
    public boolean canRetire(String id, Instant now) {
        List<WebhookSecret> live = live(now);
        return live.size() > 1 && live.stream().anyMatch(secret -> secret.id().equals(id));
    }

    /** The ring without secret {@code id}, and without the secrets already retired. */
    public SecretRing retire(String id, Instant now) {
        if (!canRetire(id, now)) {
            throw new IllegalArgumentException("secret " + id + " is not live or is the only live one");
        }
        return new SecretRing(live(now).stream().filter(secret -> !secret.id().equals(id)).toList());
    }

    /** The secrets that sign at {@code now}, newest first. */
    public List<WebhookSecret> live(Instant now) {
        return secrets.stream().filter(secret -> secret.liveAt(now)).toList();
    }
}
