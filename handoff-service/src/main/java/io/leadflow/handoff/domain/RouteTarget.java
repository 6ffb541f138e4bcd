package io.leadflow.handoff.domain;

/**
 * Where a matching rule sends a lead: exactly one of a rep or a queue. A rule that matches on the
 * lead's existing owner has no target: it routes to that owner.
 */
public record RouteTarget(String rep, String queue) {

    public static RouteTarget toQueue(String queue) {
        return new RouteTarget(null, queue);
    }

    public static RouteTarget toRep(String rep) {
        return new RouteTarget(rep, null);
    }
}
