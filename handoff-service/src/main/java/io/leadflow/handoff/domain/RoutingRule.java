package io.leadflow.handoff.domain;

/**
 * One routing rule: when a lead matches, it goes to the target, under the rule's SLA.
 *
 * @param name the rule's name, recorded on the handoff as the rule that matched
 * @param match the conditions; null matches every lead
 * @param route a rep or a queue; null only for an existing-owner rule
 * @param sla the accept-by terms; null takes the document's default
 */
public record RoutingRule(String name, RuleMatch match, RouteTarget route, SlaTerms sla) {

    public RoutingRule {
        match = match == null ? RuleMatch.any() : match;
    }
}
