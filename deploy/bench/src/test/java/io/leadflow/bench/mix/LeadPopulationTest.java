package io.leadflow.bench.mix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeadPopulationTest {

    private static final int LEADS = 10_000;
    private static final int DRAWS = 200_000;

    @Test
    void aFewLeadsAreVeryActiveAndMostAreNot() {
        // Given 10,000 leads with the default skew
        LeadPopulation population = new LeadPopulation("run1", LEADS, LeadPopulation.DEFAULT_EXPONENT);
        int[] events = new int[LEADS];
        Random random = new Random(3);

        // When 200,000 events pick their lead
        for (int i = 0; i < DRAWS; i++) {
            events[population.nextIndex(random)]++;
        }

        // Then the busiest 1% of leads take about half the events (H(100) / H(10,000) = 0.53)
        int[] sorted = Arrays.stream(events).sorted().toArray();
        long busiest = Arrays.stream(sorted, LEADS - LEADS / 100, LEADS).sum();
        assertThat(busiest / (double) DRAWS).isBetween(0.48, 0.58);
        // And the busiest lead alone is far above the median one
        assertThat(sorted[LEADS - 1]).isGreaterThan(100 * Math.max(1, sorted[LEADS / 2]));
        // And most leads still show up
        assertThat(Arrays.stream(events).filter(count -> count > 0).count()).isGreaterThan(LEADS / 2);
    }

    @Test
    void withoutSkewEveryLeadIsAsLikely() {
        LeadPopulation population = new LeadPopulation("run1", 10, 0);
        int[] events = new int[10];
        Random random = new Random(5);

        for (int i = 0; i < 100_000; i++) {
            events[population.nextIndex(random)]++;
        }

        assertThat(Arrays.stream(events).boxed()).allSatisfy(count -> assertThat(count).isBetween(9_000, 11_000));
    }

    @Test
    void emailsAreDistinctPerLeadAndPerRun() {
        LeadPopulation first = new LeadPopulation("run1", 3, 1);
        LeadPopulation second = new LeadPopulation("run2", 3, 1);

        assertThat(first.email(0)).isNotEqualTo(first.email(1)).isNotEqualTo(second.email(0)).endsWith(".bench.example.com");
    }

    @Test
    void leadsWorkAtCompaniesOfFourTheBusiestAtDifferentOnes() {
        LeadPopulation population = new LeadPopulation("run1", 10, 1);

        // Then 10 leads work at 3 companies, the three busiest (indexes 0-2) each at its own
        assertThat(population.companies()).isEqualTo(3);
        List<String> domains = IntStream.range(0, 10).mapToObj(index -> population.email(index).substring(population.email(index).indexOf('@') + 1))
                .toList();
        assertThat(domains.subList(0, 3)).doesNotHaveDuplicates();
        assertThat(domains).containsOnly("company-0.bench.example.com", "company-1.bench.example.com", "company-2.bench.example.com");
        assertThat(domains.stream().filter("company-0.bench.example.com"::equals)).hasSize(4);
    }
}
