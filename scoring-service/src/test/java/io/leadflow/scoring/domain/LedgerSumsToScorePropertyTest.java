package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementType;
import io.leadflow.events.LifecycleStage;
import io.leadflow.scoring.domain.model.Cap;
import io.leadflow.scoring.domain.model.Decay;
import io.leadflow.scoring.domain.model.EngagementRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: whatever engagements arrive, in whatever order and spacing, the ledger decayed to any
 * moment adds up exactly to the score, each entry stays within 1 of its exact decayed value, and
 * the score the scorer reports equals the ledger's total at its moment.
 */
class LedgerSumsToScorePropertyTest {

    private static final EngagementType[] TYPES = EngagementType.values();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final LeadScorer scorer = new LeadScorer(1, Models.model(List.of(
            Models.rule("view", EngagementType.PAGE_VIEWED, 5),
            Models.rule("pricing", EngagementType.PAGE_VIEWED, 15, Models.path("/pricing*")),
            new EngagementRule("opened", EngagementType.EMAIL_OPENED, 3, null, new Cap(3, Duration.ofDays(1))),
            Models.rule("demo", EngagementType.DEMO_REQUESTED, 20),
            Models.rule("purchase", EngagementType.PURCHASE_COMPLETED, 40),
            Models.rule("unsubscribed", EngagementType.EMAIL_UNSUBSCRIBED, -25),
            Models.rule("bounced", EngagementType.EMAIL_BOUNCED, -15)),
            new Decay(Map.of("page.viewed", Duration.ofDays(30), "email.opened", Duration.ofDays(14),
                    "demo.requested", Duration.ofDays(90)), Duration.ofDays(60))));

    @RepeatedTest(200)
    void theLedgerAddsUpToTheScore(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<LedgerEntry> ledger = new ArrayList<>();
        LeadStanding standing = new LeadStanding(LifecycleStage.LEAD, "ada@example.com", Map.of("jobTitle", "VP", "country", "GB"), null);
        int events = 1 + random.nextInt(60);
        for (int i = 0; i < events; i++) {
            // at random moments over 400 days, so many arrive late; one in ten is a bot
            Instant at = START.plusSeconds(random.nextInt(400 * 24 * 3600));
            Engagement engagement = new Engagement("e" + i, TYPES[random.nextInt(TYPES.length)], at,
                    Map.of("url", random.nextBoolean() ? "https://example.com/pricing" : "https://example.com/blog"), Map.of(),
                    random.nextInt(10) == 0);

            ScoringOutcome outcome = scorer.score(standing, engagement, ledger);
            ledger.addAll(outcome.entries());
            standing = new LeadStanding(outcome.stage(), standing.email(), outcome.traits(), outcome.asOf());

            assertAddsUp(DecayedLedger.asOf(ledger, outcome.asOf()), outcome.score());
        }
        Instant later = standing.scoredAsOf().plus(Duration.ofDays(random.nextInt(365)));
        DecayedLedger decayed = DecayedLedger.asOf(ledger, later);
        assertAddsUp(decayed, decayed.score());
    }

    private static void assertAddsUp(DecayedLedger decayed, int score) {
        assertThat(decayed.score()).isEqualTo(score);
        assertThat(decayed.entries().stream().mapToInt(DecayedLedger.DecayedEntry::decayedPoints).sum()).isEqualTo(score);
        double exact = 0;
        for (DecayedLedger.DecayedEntry entry : decayed.entries()) {
            double value = entry.entry().decayedAt(decayed.asOf());
            exact += value;
            assertThat(Math.abs(entry.decayedPoints() - value)).isLessThan(1.0);
        }
        assertThat(Math.abs(score - exact)).isLessThanOrEqualTo(0.5 + 1e-9);
    }
}
