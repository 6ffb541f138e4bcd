package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import io.leadflow.events.LeadKeys;
import io.leadflow.events.StorableText;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The links email tools put in mails (an open pixel, click redirects) and the engagement each use
 * of one records: {@code email.opened} or {@code email.clicked}, flagged when a scanner or Apple's
 * privacy proxy fetched it.
 */
public final class EmailLinkEvents {

    private static final int MAX_CAMPAIGN_LENGTH = 200;
    private static final int MAX_URL_LENGTH = 2048;

    private final IdentityRules rules;
    private final Clock clock;
    private final Supplier<String> newEventId;
    private final BotClassifier bots;

    public EmailLinkEvents(IdentityRules rules, Clock clock, Supplier<String> newEventId, BotClassifier bots) {
        this.rules = rules;
        this.clock = clock;
        this.newEventId = newEventId;
        this.bots = bots;
    }

    /** What is wrong with a link an email tool asks for, if anything. */
    public List<FieldError> problems(String email, String campaign, String url) {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else {
            rules.emailProblem(email.trim()).ifPresent(problem -> errors.add(new FieldError("email", problem)));
        }
        if (campaign != null && campaign.length() > MAX_CAMPAIGN_LENGTH) {
            errors.add(new FieldError("campaign", "must be at most " + MAX_CAMPAIGN_LENGTH + " characters"));
        }
        if (url != null && !isWebUrl(url)) {
            errors.add(new FieldError("url", "must be an absolute http(s) URL of at most " + MAX_URL_LENGTH + " characters"));
        }
        // the link's events carry both: text PostgreSQL cannot keep would be dead-lettered at every click
        StorableText.flaw("campaign", campaign).or(() -> StorableText.flaw("url", url))
                .ifPresent(flaw -> errors.add(new FieldError(flaw.field(), flaw.problem())));
        return errors;
    }

    /**
     * The link of a request {@link #problems} found nothing wrong with: email and target trimmed, a
     * blank campaign left out.
     */
    public EmailLink link(String email, String campaign, String url) {
        return new EmailLink(email.trim(), Optional.ofNullable(campaign).filter(text -> !text.isBlank()),
                Optional.ofNullable(url).map(String::trim));
    }

    /** The engagement of one fetch of the link's open pixel. */
    public CapturedEvent opened(EmailLink link, String userAgent, String ip) {
        return bots.classify(event(EngagementType.EMAIL_OPENED, link), userAgent, ip);
    }

    /** The engagement of one click on the link. */
    public CapturedEvent clicked(EmailLink link, String userAgent, String ip) {
        return bots.classify(event(EngagementType.EMAIL_CLICKED, link), userAgent, ip);
    }

    private CapturedEvent event(EngagementType type, EmailLink link) {
        Map<String, Object> properties = new LinkedHashMap<>();
        link.campaign().ifPresent(campaign -> properties.put("campaign", campaign));
        link.url().ifPresent(url -> properties.put("url", url));
        return new CapturedEvent(newEventId.get(), new EngagementCaptured(LeadKeys.of(link.email(), null), type,
                link.email(), null, clock.instant(), "api", properties, Map.of(), false, null));
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return url.length() <= MAX_URL_LENGTH && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
