package io.leadflow.handoff.domain;

/**
 * A rep in a queue, with their share of its leads.
 *
 * @param rep the rep's id
 * @param weight how many turns the rep gets per round, at least 1 (a rep with 2 gets twice the leads
 *     of a rep with 1); left out means 1
 */
public record QueueMember(String rep, Integer weight) {

    public QueueMember {
        weight = weight == null ? 1 : weight;
    }
}
