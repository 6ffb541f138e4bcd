package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A document that cannot route every lead is refused, each problem naming its field. */
class RoutingValidatorTest {

    @Test
    void namesEachWrongField() {
        // Given a document with one mistake of each kind
        RoutingDocument document = new RoutingDocument(0, null,
                List.of(new RoutingRule("to-nowhere", RuleMatch.any(), RouteTarget.toQueue("nope"), SlaTerms.wallClock(Duration.ZERO)),
                        new RoutingRule("to-nowhere", new RuleMatch(List.of("GB"), null, 500, 100, null, null, null),
                                RouteTarget.toRep("ghost"), null)),
                List.of(new SalesQueue("q", List.of(new QueueMember("ana", 0), new QueueMember("zed", 1)), null, null)),
                List.of(new SalesRep("ana", null, new WorkingHours(ZoneId.of("UTC"), LocalTime.NOON, LocalTime.NOON, null),
                        List.of(new Absence(Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"))), 0),
                        SalesRep.alwaysAvailable("ana")));

        // When it is validated
        List<FieldProblem> problems = RoutingValidator.problems(document);

        // Then
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "defaultSla",
                "reps[0].workingHours", "reps[0].capacity", "reps[0].outOfOffice[0]", "reps[1].id",
                "queues[0].members[0].weight", "queues[0].members[1].rep",
                "rules[0].route.queue", "rules[0].sla.responseTime",
                "rules[1].name", "rules[1].match.maxCompanySize", "rules[1].route.rep",
                "rules[1].match");
    }

    @Test
    void refusesAnEmptyDocumentAndARuleWithBothOrNoTarget() {
        assertThat(RoutingValidator.problems(new RoutingDocument(0, RoutingDocumentTest.FOUR_HOURS, null, null, null)))
                .extracting(FieldProblem::field).containsExactly("rules");

        RoutingDocument both = new RoutingDocument(0, RoutingDocumentTest.FOUR_HOURS,
                List.of(new RoutingRule("r", RuleMatch.any(), new RouteTarget("ana", "q"), null)),
                List.of(new SalesQueue("q", List.of(new QueueMember("ana", 1)), null, null)),
                List.of(SalesRep.alwaysAvailable("ana")));
        assertThat(RoutingValidator.problems(both)).containsExactly(new FieldProblem("rules[0].route", "must name either a rep or a queue"));
    }

    @Test
    void theLastRuleMustNotDependOnAnOwner() {
        RoutingDocument ownerOnly = new RoutingDocument(0, RoutingDocumentTest.FOUR_HOURS,
                List.of(new RoutingRule("owner", new RuleMatch(null, null, null, null, null, null, true), null, null)),
                List.of(), List.of());
        assertThat(RoutingValidator.problems(ownerOnly)).extracting(FieldProblem::field).containsExactly("rules[0].match");
    }
}
