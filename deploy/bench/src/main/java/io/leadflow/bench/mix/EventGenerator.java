package io.leadflow.bench.mix;

import io.leadflow.events.EngagementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Realistic engagements: a type from the mix, a lead from the population, plausible properties. */
public final class EventGenerator {

    private static final String[] PAGES = {"/", "/features", "/customers", "/blog/lead-scoring", "/docs", "/pricing",
        "/about", "/integrations", "/blog/mql-vs-sql", "/careers"};
    private static final String[] CAMPAIGNS = {"autumn-launch", "webinar-series", "newsletter-11", "product-update"};
    private static final String[] COMPANIES = {"Analytical Engines", "Difference Ltd", "Jacquard Looms", "Babbage & Co"};
    private static final String[] JOB_TITLES = {"VP Engineering", "Marketing Manager", "Software Engineer", "Head of Sales", "Student"};
    private static final int[] COMPANY_SIZES = {12, 250, 1200, 8000};

    private final EventMix mix;
    private final LeadPopulation leads;
    private final Random random;

    public EventGenerator(EventMix mix, LeadPopulation leads, long seed) {
        this.mix = mix;
        this.leads = leads;
        this.random = new Random(seed);
    }

    public synchronized BenchEvent next() {
        EngagementType type = mix.next(random);
        int lead = leads.nextIndex(random);
        return new BenchEvent(UUID.randomUUID().toString(), type, leads.email(lead), properties(type),
                Map.of("company", COMPANIES[lead % COMPANIES.length], "jobTitle", JOB_TITLES[lead % JOB_TITLES.length],
                        "companySize", COMPANY_SIZES[lead % COMPANY_SIZES.length], "country", "GB"));
    }

    public List<BenchEvent> next(int count) {
        List<BenchEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    private Map<String, Object> properties(EngagementType type) {
        return switch (type) {
            case PAGE_VIEWED -> Map.of("url", "https://example.com" + PAGES[random.nextInt(PAGES.length)],
                    "utm_source", "google", "utm_medium", "cpc");
            case EMAIL_OPENED, EMAIL_CLICKED, EMAIL_UNSUBSCRIBED, EMAIL_BOUNCED ->
                Map.of("campaign", CAMPAIGNS[random.nextInt(CAMPAIGNS.length)]);
            case CONTENT_DOWNLOADED -> Map.of("contentId", "whitepaper-" + random.nextInt(5));
            case WEBINAR_REGISTERED, WEBINAR_ATTENDED -> Map.of("webinarId", "webinar-" + random.nextInt(3));
            default -> Map.of("formId", "demo-request", "url", "https://example.com/demo");
        };
    }
}
