package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules are evaluated in order and the first that matches routes the lead. */
class RoutingDocumentTest {

    static final SlaTerms FOUR_HOURS = SlaTerms.wallClock(Duration.ofHours(4));
    static final SlaTerms ONE_HOUR = SlaTerms.wallClock(Duration.ofHours(1));

    static final RoutingDocument DOCUMENT = new RoutingDocument(3, FOUR_HOURS,
            List.of(
                    new RoutingRule("existing-owner", new RuleMatch(null, null, null, null, null, null, true), null, null),
                    new RoutingRule("named-accounts", new RuleMatch(null, null, null, null, List.of("bigco.com", "Acme.io"), null, null),
                            RouteTarget.toRep("ana"), ONE_HOUR),
                    new RoutingRule("enterprise-emea", new RuleMatch(List.of("GB", "DE", "FR"), null, 1000, null, null, null, null),
                            RouteTarget.toQueue("enterprise"), null),
                    new RoutingRule("us-west", new RuleMatch(List.of("US"), List.of("CA", "WA", "OR"), null, null, null, 50, null),
                            RouteTarget.toRep("ben"), null),
                    new RoutingRule("smb-emea", new RuleMatch(List.of("GB", "DE", "FR"), null, null, 999, null, null, null),
                            RouteTarget.toQueue("smb"), null),
                    new RoutingRule("catch-all", RuleMatch.any(), RouteTarget.toQueue("smb"), null)),
            List.of(new SalesQueue("enterprise", List.of(new QueueMember("cleo", 1)), "mia", null),
                    new SalesQueue("smb", List.of(new QueueMember("dan", 2), new QueueMember("eve", 1)), null, null)),
            List.of(SalesRep.alwaysAvailable("ana"), SalesRep.alwaysAvailable("ben"), SalesRep.alwaysAvailable("cleo"),
                    SalesRep.alwaysAvailable("dan"), SalesRep.alwaysAvailable("eve")));

    @Test
    void theDocumentUsedInTheseTestsIsValid() {
        assertThat(RoutingValidator.problems(DOCUMENT)).isEmpty();
    }

    @Test
    void aNamedAccountGoesToItsOwnerWithTheRulesSlaWhateverItsTerritory() {
        // Given a contact of a named account, in a territory another rule covers
        LeadProfile lead = LeadProfile.of("CIO@ACME.IO", Map.of("country", "GB", "companySize", 5000), 80, null);

        // When it is routed
        RoutingDocument.Routed routed = DOCUMENT.route(lead);

        // Then the named-account rule, which comes first, sends it to the account's owner
        assertThat(routed).isEqualTo(new RoutingDocument.Routed("named-accounts", RouteTarget.toRep("ana"), ONE_HOUR));
    }

    @Test
    void territoriesAndCompanySizeSegmentsPickTheQueue() {
        assertThat(route("GB", null, 1000, 10).target()).isEqualTo(RouteTarget.toQueue("enterprise"));
        assertThat(route("de", null, 999, 10).target()).as("countries match in any case").isEqualTo(RouteTarget.toQueue("smb"));
        assertThat(route("FR", null, null, 10).ruleName()).as("an unknown size is in no segment").isEqualTo("catch-all");
    }

    @Test
    void aRegionRuleNeedsTheRegionAndTheScore() {
        assertThat(route("US", "CA", 20, 50).ruleName()).isEqualTo("us-west");
        assertThat(route("US", "CA", 20, 49).ruleName()).as("score too low").isEqualTo("catch-all");
        assertThat(route("US", "NY", 20, 90).ruleName()).as("other region").isEqualTo("catch-all");
        assertThat(route("US", null, 20, 90).ruleName()).as("no region").isEqualTo("catch-all");
    }

    @Test
    void theExistingOwnerWinsOverEveryLaterRule() {
        // Given a named-account contact who was handed to cleo before
        LeadProfile lead = LeadProfile.of("cio@bigco.com", Map.of(), 80, "cleo");

        // When it is routed, it goes back to cleo
        assertThat(DOCUMENT.route(lead)).isEqualTo(new RoutingDocument.Routed("existing-owner", RouteTarget.toRep("cleo"), FOUR_HOURS));

        // and an owner named by a trait counts too
        assertThat(DOCUMENT.route(LeadProfile.of("x@y.com", Map.of("owner", "dan"), 10, null)).target())
                .isEqualTo(RouteTarget.toRep("dan"));
    }

    @Test
    void companySizeGivenAsTextStillMatches() {
        assertThat(DOCUMENT.route(LeadProfile.of("a@b.com", Map.of("country", "GB", "companySize", "2500"), 10, null)).ruleName())
                .isEqualTo("enterprise-emea");
    }

    @Test
    void theDefaultDocumentIsValidAndSendsNewLeadsToTheDefaultQueue() {
        RoutingDocument fallback = RoutingDocument.byDefault("default-round-robin", List.of("ana", "ben"), FOUR_HOURS);

        assertThat(RoutingValidator.problems(fallback)).isEmpty();
        assertThat(fallback.route(LeadProfile.of(null, null, 0, null)).target()).isEqualTo(RouteTarget.toQueue("default"));
        assertThat(fallback.route(LeadProfile.of(null, null, 0, "ben")).ruleName()).isEqualTo("existing-owner");
    }

    private static RoutingDocument.Routed route(String country, String region, Integer size, int score) {
        Map<String, Object> traits = new java.util.HashMap<>();
        traits.put("country", country);
        traits.put("region", region);
        traits.put("companySize", size);
        return DOCUMENT.route(LeadProfile.of("someone@example.com", traits, score, null));
    }
}
