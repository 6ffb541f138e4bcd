package io.leadflow.handoff.domain;

import java.util.List;
import java.util.Optional;

/**
 * The routing rules, queues and reps, as one versioned document: each change stores a new version.
 *
 * @param version the version, assigned when the document is stored (0 for the built-in default)
 * @param defaultSla the SLA of rules that name none
 * @param rules evaluated in order; the first that matches routes the lead, and the last matches every lead
 * @param queues the queues rules may route to
 * @param reps every rep rules and queues name
 */
public record RoutingDocument(int version, SlaTerms defaultSla, List<RoutingRule> rules, List<SalesQueue> queues,
        List<SalesRep> reps) {

    public RoutingDocument {
        rules = rules == null ? List.of() : List.copyOf(rules);
        queues = queues == null ? List.of() : List.copyOf(queues);
        reps = reps == null ? List.of() : List.copyOf(reps);
    }

    /**
     * The document before anyone stores one: a lead that has an owner goes back to them, every other
     * lead to one queue of equally weighted, always available reps.
     */
    public static RoutingDocument byDefault(String ruleName, List<String> repIds, SlaTerms sla) {
        List<QueueMember> members = repIds.stream().map(rep -> new QueueMember(rep, 1)).toList();
        return new RoutingDocument(0, sla,
                List.of(new RoutingRule("existing-owner", new RuleMatch(null, null, null, null, null, null, true), null, null),
                        new RoutingRule(ruleName, RuleMatch.any(), RouteTarget.toQueue("default"), null)),
                List.of(new SalesQueue("default", members, null, null)),
                repIds.stream().map(SalesRep::alwaysAvailable).toList());
    }

    public RoutingDocument withVersion(int newVersion) {
        return new RoutingDocument(newVersion, defaultSla, rules, queues, reps);
    }

    public Optional<SalesQueue> queue(String name) {
        return queues.stream().filter(queue -> queue.name().equals(name)).findFirst();
    }

    /** The rep with this id; a rep the document does not list (an owner from a trait) is always available. */
    public SalesRep rep(String id) {
        return reps.stream().filter(rep -> rep.id().equals(id)).findFirst().orElseGet(() -> SalesRep.alwaysAvailable(id));
    }

    /** The SLA of the named rule; the default for a rule no longer in the document. */
    public SlaTerms slaOf(String ruleName) {
        return rules.stream().filter(rule -> rule.name().equals(ruleName) && rule.sla() != null).map(RoutingRule::sla)
                .findFirst().orElse(defaultSla);
    }

    /** The hours a business-hours SLA of {@code assignee} counts: theirs, else the queue's; null for none. */
    public WorkingHours slaHours(String assignee, String queueName) {
        WorkingHours own = rep(assignee).workingHours();
        return own != null ? own : queue(queueName == null ? "" : queueName).map(SalesQueue::businessHours).orElse(null);
    }

    /** The first rule that matches the lead, and where it sends it. */
    public Routed route(LeadProfile lead) {
        for (RoutingRule rule : rules) {
            if (rule.match().matches(lead)) {
                SlaTerms sla = rule.sla() == null ? defaultSla : rule.sla();
                return rule.match().onExistingOwner()
                        ? new Routed(rule.name(), RouteTarget.toRep(lead.existingOwner()), sla)
                        : new Routed(rule.name(), rule.route(), sla);
            }
        }
        throw new IllegalStateException("the last rule of a valid document matches every lead");
    }

    /** The rule that matched, where it sends the lead and under which SLA. */
    public record Routed(String ruleName, RouteTarget target, SlaTerms sla) {
    }
}
