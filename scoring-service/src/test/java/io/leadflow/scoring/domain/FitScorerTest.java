package io.leadflow.scoring.domain;

import static io.leadflow.scoring.domain.Models.fitRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.scoring.domain.model.FitModel;
import io.leadflow.scoring.domain.model.Grade;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitScorerTest {

    private static final Map<Grade, Integer> GRADES = Map.of(Grade.A, 60, Grade.B, 40, Grade.C, 20);

    private final FitScorer scorer = new FitScorer(new FitModel(List.of(
            fitRule("senior-title", 30).withTitles("vp", "vice president", "chief"),
            fitRule("mid-market", 20).withSize(50, 5000),
            fitRule("target-industry", 15).withIndustries("Software"),
            fitRule("target-country", 15).withCountries("GB", "US"),
            fitRule("free-mail", -20).withEmailDomains("gmail.com"),
            fitRule("competitor", -100).withEmailDomains("rival.example")), GRADES));

    @Test
    void jobTitleKeywordsMatchWholeWordsInAnyCase() {
        assertThat(scorer.score(Map.of("jobTitle", "VP Engineering"), null).score()).isEqualTo(30);
        assertThat(scorer.score(Map.of("jobTitle", "Vice President, Sales"), null).score()).isEqualTo(30);
        assertThat(scorer.score(Map.of("jobTitle", "MVP Developer"), null).score()).isZero();
    }

    @Test
    void companySizeIsReadAsANumberOrTheFirstNumberOfABand() {
        assertThat(scorer.score(Map.of("companySize", 250), null).score()).isEqualTo(20);
        assertThat(scorer.score(Map.of("companySize", "51-200"), null).score()).isEqualTo(20);
        assertThat(scorer.score(Map.of("companySize", "1,000"), null).score()).isEqualTo(20);
        assertThat(scorer.score(Map.of("companySize", "10"), null).score()).isZero();
        assertThat(scorer.score(Map.of("companySize", "10000+"), null).score()).isZero();
        assertThat(scorer.score(Map.of("companySize", "unknown"), null).score()).isZero();
    }

    @Test
    void industryAndCountryMatchTheirListsInAnyCase() {
        assertThat(scorer.score(Map.of("industry", "software", "country", "gb"), null).matched())
                .extracting(RuleResult::ruleId).containsExactly("target-industry", "target-country");
        assertThat(scorer.score(Map.of("industry", "Retail", "country", "FR"), null).score()).isZero();
    }

    @Test
    void freeMailAndCompetitorDomainsTakePointsAway() {
        assertThat(scorer.score(Map.of(), "ada@gmail.com").score()).isEqualTo(-20);
        assertThat(scorer.score(Map.of(), "spy@RIVAL.example").score()).isEqualTo(-100);
        assertThat(scorer.score(Map.of(), "ada@example.com").score()).isZero();
    }

    @Test
    void theGradeIsTheBestWhoseMinimumTheScoreReaches() {
        assertThat(scorer.score(Map.of("jobTitle", "Chief of Staff", "companySize", 300, "country", "US"), null).grade())
                .isEqualTo(Grade.A);
        assertThat(scorer.score(Map.of("jobTitle", "VP Sales", "country", "GB"), null).grade()).isEqualTo(Grade.B);
        assertThat(scorer.score(Map.of("companySize", 300), null).grade()).isEqualTo(Grade.C);
        assertThat(scorer.score(Map.of("country", "GB"), "ada@gmail.com").grade()).isEqualTo(Grade.D);
    }
}
