package io.leadflow.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.scoring.domain.model.EngagementRule;
import io.leadflow.scoring.domain.model.ModelProblem;
import io.leadflow.scoring.domain.model.ScoringModel;
import org.junit.jupiter.api.Test;

/** Not a @QuarkusTest: reading a document needs no container. */
class ScoringModelJsonTest {

    @Test
    void theDefaultModelIsValid() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.defaultDocument());

        assertThat(parsed.problems()).isEmpty();
        ScoringModel model = parsed.model();
        assertThat(model.lifecycle().mql().engagement()).isEqualTo(100);
        assertThat(model.engagementRules()).extracting(EngagementRule::id).contains("email-opened", "pricing-page", "demo-request-form");
    }

    @Test
    void anUnknownEngagementTypeIsNamedByItsPath() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.readTree("""
                {"engagementRules": [{"id": "x", "type": "page.viewed", "points": 1}, {"id": "y", "type": "page.teleported", "points": 1}]}
                """));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(ModelProblem::field).containsExactly("engagementRules[1].type");
    }

    @Test
    void anUnknownFieldIsNamed() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.readTree("""
                {"engagementRules": [{"id": "x", "type": "page.viewed", "points": 1, "pointz": 2}]}
                """));

        assertThat(parsed.problems()).extracting(ModelProblem::field).containsExactly("engagementRules[0].pointz");
    }

    @Test
    void aWrongValueTypeIsNamed() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.readTree("""
                {"engagementRules": [{"id": "x", "type": "page.viewed", "points": 1, "cap": {"max": 3, "per": "daily"}}]}
                """));

        assertThat(parsed.problems()).extracting(ModelProblem::field).containsExactly("engagementRules[0].cap.per");
    }

    @Test
    void validationProblemsOfAReadableDocumentAreAllReported() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.readTree("""
                {"engagementRules": [{"id": "x", "type": "page.viewed"}]}
                """));

        assertThat(parsed.problems()).extracting(ModelProblem::field)
                .containsExactly("engagementRules[0].points", "fit", "lifecycle");
    }

    @Test
    void segmentsAreRead() {
        ScoringModelJson.Parsed parsed = ScoringModelJson.parse(ScoringModelJson.readTree("""
                {"engagementRules": [{"id": "x", "type": "page.viewed", "points": 1}],
                 "fit": {"rules": [{"id": "gb", "points": 10, "countries": ["GB"]}], "grades": {"A": 30, "B": 20, "C": 10}},
                 "lifecycle": {"mql": {"engagement": 100, "fit": "B"},
                               "segments": [{"id": "enterprise", "when": {"companySize": {"min": 1000}}, "mql": {"engagement": 150, "fit": "A"}}]}}
                """));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.model().lifecycle().segments()).singleElement().satisfies(segment -> {
            assertThat(segment.id()).isEqualTo("enterprise");
            assertThat(segment.when().companySize().min()).isEqualTo(1000);
            assertThat(segment.mql().engagement()).isEqualTo(150);
        });
    }
}
