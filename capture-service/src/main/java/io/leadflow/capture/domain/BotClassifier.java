package io.leadflow.capture.domain;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells engagement that no person showed: known bots and crawlers, the link and image scanners of
 * email security gateways, and Apple Mail Privacy Protection, which fetches every image of every
 * mail on delivery. Such events are kept, flagged ({@code bot=true} with a reason), so that scoring
 * gives them no points: never silently dropped.
 *
 * <p>Plain HTTP clients (curl, Java, Python) are not flagged: servers relay real forms and events with them.
 */
public final class BotClassifier {

    /** Known bots: user agents that say they are one. */
    public static final String USER_AGENT = "user-agent";
    /** Email security gateways opening and following every link of a mail. */
    public static final String EMAIL_SCANNER = "email-scanner";
    /** Apple Mail Privacy Protection prefetching a mail's images. */
    public static final String APPLE_MAIL_PRIVACY = "apple-mail-privacy";

    private static final List<String> BOT_TOKENS = List.of("bot", "crawler", "spider", "slurp", "headlesschrome",
            "phantomjs", "lighthouse", "pingdom", "uptimerobot", "facebookexternalhit", "scanner");
    private static final List<String> SCANNER_TOKENS = List.of("barracuda", "mimecast", "proofpoint", "ironport",
            "messagelabs", "forcepoint", "trendmicro", "trend micro", "sophos", "fireeye", "zscaler", "safelinks",
            "symantec", "cloudmark", "spamtitan", "hornetsecurity");
    /** Apple's proxy fetches with this bare user agent, from Apple's 17.0.0.0/8. */
    private static final String APPLE_PROXY_AGENT = "mozilla/5.0";
    private static final String APPLE_NETWORK = "17.";

    /**
     * Why the event is not a person's engagement, if it is not.
     *
     * @param userAgent the visitor's user agent, when known
     * @param ip the visitor's IP address, when known
     */
    public Optional<String> reason(EngagementType type, String userAgent, String ip) {
        String agent = userAgent == null ? "" : userAgent.trim().toLowerCase(Locale.ROOT);
        if (SCANNER_TOKENS.stream().anyMatch(agent::contains)) {
            return Optional.of(EMAIL_SCANNER);
        }
        if (type == EngagementType.EMAIL_OPENED
                && (agent.equals(APPLE_PROXY_AGENT) || ip != null && ip.trim().startsWith(APPLE_NETWORK))) {
            return Optional.of(APPLE_MAIL_PRIVACY);
        }
        if (BOT_TOKENS.stream().anyMatch(agent::contains)) {
            return Optional.of(USER_AGENT);
        }
        return Optional.empty();
    }

    /** The event, flagged when its visitor is a bot, a scanner or a privacy proxy. */
    public CapturedEvent classify(CapturedEvent event, String userAgent, String ip) {
        return reason(event.data().type(), userAgent, ip).map(event::flaggedAsBot).orElse(event);
    }

    /** {@link #classify} for each engagement of a request; identifies pass unchanged. */
    public List<OutgoingEvent> classifyAll(List<? extends OutgoingEvent> events, String userAgent, String ip) {
        return events.stream()
                .map(event -> event instanceof CapturedEvent captured ? (OutgoingEvent) classify(captured, userAgent, ip) : event)
                .toList();
    }

    static EngagementCaptured flagged(EngagementCaptured data, String reason) {
        return new EngagementCaptured(data.leadKey(), data.type(), data.email(), data.anonymousId(), data.occurredAt(),
                data.source(), data.properties(), data.traits(), true, reason, data.event());
    }
}
