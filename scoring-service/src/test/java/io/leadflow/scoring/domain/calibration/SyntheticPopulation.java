package io.leadflow.scoring.domain.calibration;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.Engagement;
import io.leadflow.scoring.domain.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Leads whose conversion has known drivers, drawn from a seed: attending webinars and viewing the pricing page raise
 * the odds of sales taking a lead up, a senior title a little; opening emails does not, however many. Bots (flagged
 * by capture) attend webinars and view the pricing page too, mostly for leads that do not convert: were their events
 * counted, they would hide the drivers. Each lead's engagements fall in the 20 days before its outcome.
 */
public final class SyntheticPopulation {

    /**
     * @param index its place in the population (its outcome comes after those of the lower ones)
     * @param email its email
     * @param engagements what it did, in the order it happened
     * @param converted whether sales took it up
     * @param outcomeAt when sales gave the verdict
     */
    public record Member(int index, String email, List<Engagement> engagements, boolean converted, Instant outcomeAt) {

        public String leadId() {
            return "lead-" + index;
        }

        public List<RecordedEvent> history() {
            return engagements.stream().map(engagement -> new RecordedEvent(engagement, 1)).toList();
        }

        public Outcome outcome() {
            return new Outcome(leadId(), email, converted, outcomeAt);
        }
    }

    private static final Duration SPAN = Duration.ofDays(20);

    private SyntheticPopulation() {
    }

    /** @param firstOutcome when the first lead's outcome comes; the others follow an hour apart each */
    public static List<Member> of(long seed, int leads, Instant firstOutcome) {
        return of(seed, leads, firstOutcome, Duration.ofHours(1));
    }

    /** @param apart how long after one lead's outcome the next one's comes */
    public static List<Member> of(long seed, int leads, Instant firstOutcome, Duration apart) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Member> members = new ArrayList<>(leads);
        for (int i = 0; i < leads; i++) {
            members.add(member(random, seed, i, firstOutcome.plus(apart.multipliedBy(i))));
        }
        return members;
    }

    private static Member member(SplittableRandom random, long seed, int index, Instant outcomeAt) {
        String email = "synthetic-" + seed + "-" + index + "@example.com";
        boolean senior = random.nextBoolean();
        int webinars = random.nextInt(3);
        int pricing = random.nextInt(4);
        int opens = random.nextInt(31);
        int docs = random.nextInt(5);
        double logit = -2.2 + 1.1 * webinars + 0.8 * pricing + 0.4 * (senior ? 1 : 0);
        boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        boolean botVisited = random.nextDouble() < (converted ? 0.1 : 0.5);
        Map<String, Object> traits = Map.of("jobTitle", senior ? "VP Engineering" : "Engineer", "companySize", 250,
                "industry", "software", "country", "GB");
        List<Engagement> engagements = new ArrayList<>();
        Instant from = outcomeAt.minus(SPAN);
        engagements.add(engagement(email, 0, EngagementType.FORM_SUBMITTED, from, Map.of("formId", "newsletter"), traits, false));
        for (int k = 0; k < webinars; k++) {
            engagements.add(engagement(email, engagements.size(), EngagementType.WEBINAR_ATTENDED, at(random, from), Map.of(), Map.of(), false));
        }
        for (int k = 0; k < pricing; k++) {
            engagements.add(engagement(email, engagements.size(), EngagementType.PAGE_VIEWED, at(random, from),
                    Map.of("url", "https://example.com/pricing"), Map.of(), false));
        }
        for (int k = 0; k < opens; k++) {
            engagements.add(engagement(email, engagements.size(), EngagementType.EMAIL_OPENED, at(random, from), Map.of(), Map.of(), false));
        }
        for (int k = 0; k < docs; k++) {
            engagements.add(engagement(email, engagements.size(), EngagementType.PAGE_VIEWED, at(random, from),
                    Map.of("url", "https://example.com/docs/" + k), Map.of(), false));
        }
        if (botVisited) {
            for (int k = 0; k < 3; k++) {
                engagements.add(engagement(email, engagements.size(), EngagementType.PAGE_VIEWED, at(random, from),
                        Map.of("url", "https://example.com/pricing"), Map.of(), true));
                engagements.add(engagement(email, engagements.size(), EngagementType.WEBINAR_ATTENDED, at(random, from), Map.of(), Map.of(), true));
            }
        }
        engagements.sort(Comparator.comparing(Engagement::occurredAt).thenComparing(Engagement::eventId));
        return new Member(index, email, List.copyOf(engagements), converted, outcomeAt);
    }

    // a moment in the span before the outcome, to the second, never after the outcome
    private static Instant at(SplittableRandom random, Instant from) {
        return from.plusSeconds(1 + random.nextLong(SPAN.toSeconds() - 3600));
    }

    private static Engagement engagement(String email, int k, EngagementType type, Instant at, Map<String, Object> properties,
            Map<String, Object> traits, boolean bot) {
        return new Engagement(email + "#" + String.format("%03d", k), type, at, properties, traits, bot);
    }
}
