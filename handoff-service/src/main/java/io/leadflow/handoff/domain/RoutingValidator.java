package io.leadflow.handoff.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything wrong with a routing document, each problem naming its field; none means it can be stored. */
public final class RoutingValidator {

    private final RoutingDocument document;
    private final List<FieldProblem> problems = new ArrayList<>();

    private RoutingValidator(RoutingDocument document) {
        this.document = document;
    }

    public static List<FieldProblem> problems(RoutingDocument document) {
        RoutingValidator validator = new RoutingValidator(document);
        validator.check();
        return List.copyOf(validator.problems);
    }

    private void check() {
        sla("defaultSla", document.defaultSla(), true);
        Set<String> repIds = new HashSet<>();
        for (int i = 0; i < document.reps().size(); i++) {
            rep("reps[" + i + "]", document.reps().get(i), repIds);
        }
        Set<String> queueNames = new HashSet<>();
        for (int i = 0; i < document.queues().size(); i++) {
            queue("queues[" + i + "]", document.queues().get(i), repIds, queueNames);
        }
        if (document.rules().isEmpty()) {
            problem("rules", "must hold at least one rule");
        }
        Set<String> ruleNames = new HashSet<>();
        for (int i = 0; i < document.rules().size(); i++) {
            rule("rules[" + i + "]", document.rules().get(i), repIds, queueNames, ruleNames);
        }
        if (!document.rules().isEmpty()) {
            RoutingRule last = document.rules().get(document.rules().size() - 1);
            if (!last.match().equals(RuleMatch.any())) {
                problem("rules[" + (document.rules().size() - 1) + "].match",
                        "the last rule must match every lead, so that every MQL gets an owner");
            }
        }
    }

    private void rep(String path, SalesRep rep, Set<String> ids) {
        if (blank(rep.id())) {
            problem(path + ".id", "is required");
        } else if (!ids.add(rep.id())) {
            problem(path + ".id", "repeats rep " + rep.id());
        }
        if (rep.workingHours() != null && !rep.workingHours().complete()) {
            problem(path + ".workingHours", "needs a timeZone, a start and an end after the start");
        }
        if (rep.capacity() != null && rep.capacity() < 1) {
            problem(path + ".capacity", "must be at least 1");
        }
        for (int i = 0; i < rep.outOfOffice().size(); i++) {
            Absence absence = rep.outOfOffice().get(i);
            if (absence.from() == null || absence.until() == null || !absence.from().isBefore(absence.until())) {
                problem(path + ".outOfOffice[" + i + "]", "needs a from before its until");
            }
        }
    }

    private void queue(String path, SalesQueue queue, Set<String> repIds, Set<String> names) {
        if (blank(queue.name())) {
            problem(path + ".name", "is required");
        } else if (!names.add(queue.name())) {
            problem(path + ".name", "repeats queue " + queue.name());
        }
        if (queue.members().isEmpty()) {
            problem(path + ".members", "must hold at least one rep");
        }
        for (int i = 0; i < queue.members().size(); i++) {
            QueueMember member = queue.members().get(i);
            if (!repIds.contains(member.rep())) {
                problem(path + ".members[" + i + "].rep", "names no rep of the document: " + member.rep());
            }
            if (member.weight() < 1) {
                problem(path + ".members[" + i + "].weight", "must be at least 1");
            }
        }
        if (queue.businessHours() != null && !queue.businessHours().complete()) {
            problem(path + ".businessHours", "needs a timeZone, a start and an end after the start");
        }
    }

    private void rule(String path, RoutingRule rule, Set<String> repIds, Set<String> queueNames, Set<String> names) {
        if (blank(rule.name())) {
            problem(path + ".name", "is required");
        } else if (!names.add(rule.name())) {
            problem(path + ".name", "repeats rule " + rule.name());
        }
        RuleMatch match = rule.match();
        if (match.minCompanySize() != null && match.maxCompanySize() != null && match.minCompanySize() > match.maxCompanySize()) {
            problem(path + ".match.maxCompanySize", "must not be below minCompanySize");
        }
        RouteTarget route = rule.route();
        if (match.onExistingOwner()) {
            if (route != null) {
                problem(path + ".route", "must be left out: an existing-owner rule routes to the owner");
            }
        } else if (route == null || blank(route.rep()) == blank(route.queue())) {
            problem(path + ".route", "must name either a rep or a queue");
        } else if (route.rep() != null && !repIds.contains(route.rep())) {
            problem(path + ".route.rep", "names no rep of the document: " + route.rep());
        } else if (route.queue() != null && !queueNames.contains(route.queue())) {
            problem(path + ".route.queue", "names no queue of the document: " + route.queue());
        }
        sla(path + ".sla", rule.sla(), false);
    }

    private void sla(String path, SlaTerms sla, boolean required) {
        if (sla == null) {
            if (required) {
                problem(path, "is required");
            }
        } else if (sla.responseTime() == null || sla.responseTime().isNegative() || sla.responseTime().isZero()) {
            problem(path + ".responseTime", "must be a positive duration");
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
