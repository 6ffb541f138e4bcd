package io.leadflow.capture.domain;

import io.leadflow.events.AttributionChannel;
import io.leadflow.events.EngagementCaptured;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies where an engagement came from, the way marketing teams' reports group traffic: campaign
 * tags ({@code utm_medium}, {@code utm_source}, also read from the page URL) first, then ad click ids,
 * then the referrer's site; nothing at all is direct. The channel goes on the event as
 * {@code properties.attributionChannel}, the Google Analytics client id of a {@code _ga} cookie as
 * {@code properties.gaClientId}.
 */
public final class Attribution {

    public static final String GA_CLIENT_ID = "gaClientId";
    /** The raw {@code _ga} cookie, as the snippet and forms send it. */
    public static final String GA_COOKIE = "_ga";

    private static final Set<String> PAID_MEDIUMS = Set.of("cpc", "ppc", "paid", "paidsearch", "paid-search",
            "paid_search", "sem", "cpm", "display", "paid-social", "paid_social", "paidsocial", "paid social");
    private static final Set<String> EMAIL_MEDIUMS = Set.of("email", "e-mail", "e_mail", "newsletter");
    private static final Set<String> SOCIAL_MEDIUMS = Set.of("social", "social-media", "social_media", "social-network", "sm");
    /** Site names (a label of the host, or a utm_source) of search engines, social networks and webmail. */
    private static final Set<String> SEARCH_ENGINES = Set.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex",
            "ecosia", "qwant", "startpage", "naver", "seznam");
    private static final Set<String> SOCIAL_SITES = Set.of("facebook", "instagram", "linkedin", "twitter", "youtube",
            "reddit", "pinterest", "tiktok", "threads", "mastodon", "bsky", "snapchat", "xing");
    private static final Set<String> SOCIAL_HOSTS = Set.of("t.co", "x.com", "lnkd.in", "fb.me", "m.me", "bsky.app", "youtu.be");
    private static final Set<String> WEBMAIL_HOSTS = Set.of("mail.google.com", "outlook.live.com", "outlook.office.com",
            "outlook.office365.com", "mail.yahoo.com", "mail.proton.me", "webmail");
    private static final List<String> PAID_SEARCH_CLICK_IDS = List.of("gclid", "gbraid", "wbraid", "msclkid", "dclid");
    private static final List<String> PAID_SOCIAL_CLICK_IDS = List.of("li_fat_id", "ttclid", "twclid");
    private static final Pattern GA_COOKIE_VALUE = Pattern.compile("(?:GA\\d+\\.\\d+\\.)?([0-9]{1,20}\\.[0-9]{1,20})");

    private Attribution() {
    }

    /** The event as capture writes it: every engagement, whichever way it came in, says where it came from. */
    public static OutgoingEvent asWritten(OutgoingEvent outgoing) {
        return outgoing instanceof CapturedEvent captured ? attributed(captured) : outgoing;
    }

    /**
     * The event with its channel and GA client id added, when it says where it came from; else unchanged. Both are
     * capture's to say: what a client sent under their names is dropped, so it never reaches the topic (a sent
     * {@code "attributionChannel": 839} broke the contract: found by CaptureBodyFuzzTest).
     */
    public static CapturedEvent attributed(CapturedEvent event) {
        EngagementCaptured data = event.data();
        Optional<AttributionChannel> channel = channel(data.type().wireName(), data.properties());
        Optional<String> gaClientId = text(data.properties(), GA_COOKIE).flatMap(Attribution::gaClientId);
        boolean sentByClient = data.properties().containsKey(AttributionChannel.PROPERTY) || data.properties().containsKey(GA_CLIENT_ID);
        if (channel.isEmpty() && gaClientId.isEmpty() && !sentByClient) {
            return event;
        }
        Map<String, Object> properties = new LinkedHashMap<>(data.properties());
        properties.remove(AttributionChannel.PROPERTY);
        properties.remove(GA_CLIENT_ID);
        channel.ifPresent(found -> properties.put(AttributionChannel.PROPERTY, found.wireName()));
        gaClientId.ifPresent(id -> properties.put(GA_CLIENT_ID, id));
        return new CapturedEvent(event.id(), new EngagementCaptured(data.leadKey(), data.type(), data.email(),
                data.anonymousId(), data.occurredAt(), data.source(), properties, data.traits(), data.bot(), data.botReason(),
                data.event()));
    }

    /**
     * The channel of an engagement of this type with these properties; empty when they say nothing of
     * where it came from (no url, referrer or utm_*), or it is a step from another page of the same site.
     */
    public static Optional<AttributionChannel> channel(String type, Map<String, Object> properties) {
        if (type.startsWith("email.")) {
            return Optional.of(AttributionChannel.EMAIL);
        }
        Optional<URI> url = text(properties, "url").flatMap(Attribution::uri);
        Map<String, String> query = url.map(Attribution::query).orElse(Map.of());
        String medium = lower(text(properties, "utm_medium").orElse(query.getOrDefault("utm_medium", "")));
        String source = lower(text(properties, "utm_source").orElse(query.getOrDefault("utm_source", "")));
        Optional<String> referrer = text(properties, "referrer").flatMap(Attribution::uri).map(URI::getHost).map(Attribution::lower);
        if (url.isEmpty() && referrer.isEmpty() && medium.isEmpty() && source.isEmpty()) {
            return Optional.empty();
        }
        boolean socialSource = isSocial(source) || referrer.filter(Attribution::isSocial).isPresent();
        if (PAID_MEDIUMS.contains(medium)) {
            return Optional.of(medium.contains("social") || socialSource ? AttributionChannel.PAID_SOCIAL : AttributionChannel.PAID_SEARCH);
        }
        if (EMAIL_MEDIUMS.contains(medium)) {
            return Optional.of(AttributionChannel.EMAIL);
        }
        if (SOCIAL_MEDIUMS.contains(medium)) {
            return Optional.of(AttributionChannel.SOCIAL);
        }
        if (medium.equals("organic")) {
            return Optional.of(AttributionChannel.ORGANIC_SEARCH);
        }
        if (medium.equals("referral")) {
            return Optional.of(AttributionChannel.REFERRAL);
        }
        if (PAID_SEARCH_CLICK_IDS.stream().anyMatch(query::containsKey)) {
            return Optional.of(AttributionChannel.PAID_SEARCH);
        }
        if (PAID_SOCIAL_CLICK_IDS.stream().anyMatch(query::containsKey)) {
            return Optional.of(AttributionChannel.PAID_SOCIAL);
        }
        if (referrer.isPresent()) {
            return byReferrer(referrer.get(), url.map(URI::getHost).map(Attribution::lower));
        }
        if (!source.isEmpty()) {
            return Optional.of(isSocial(source) ? AttributionChannel.SOCIAL
                    : SEARCH_ENGINES.contains(source) ? AttributionChannel.ORGANIC_SEARCH : AttributionChannel.REFERRAL);
        }
        return Optional.of(AttributionChannel.DIRECT);
    }

    /** The client id ({@code 1234567890.1700000000}) of a {@code _ga} cookie ({@code GA1.1.1234567890.1700000000}). */
    public static Optional<String> gaClientId(String cookie) {
        Matcher matcher = GA_COOKIE_VALUE.matcher(cookie.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<AttributionChannel> byReferrer(String host, Optional<String> pageHost) {
        if (pageHost.isPresent() && withoutWww(pageHost.get()).equals(withoutWww(host))) {
            return Optional.empty(); // a step inside the site: the visit's channel was set where it entered
        }
        if (WEBMAIL_HOSTS.contains(host) || host.startsWith("webmail.")) {
            return Optional.of(AttributionChannel.EMAIL);
        }
        if (isSocial(host)) {
            return Optional.of(AttributionChannel.SOCIAL);
        }
        if (Arrays.stream(host.split("\\.")).anyMatch(SEARCH_ENGINES::contains)) {
            return Optional.of(AttributionChannel.ORGANIC_SEARCH);
        }
        return Optional.of(AttributionChannel.REFERRAL);
    }

    /** A social network's host ({@code l.facebook.com}, {@code t.co}) or name ({@code linkedin}). */
    private static boolean isSocial(String hostOrName) {
        return SOCIAL_HOSTS.contains(withoutWww(hostOrName)) || Arrays.stream(hostOrName.split("\\.")).anyMatch(SOCIAL_SITES::contains);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            parameters.putIfAbsent(lower(name), equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = new URI(text.trim());
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Map<String, Object> properties, String name) {
        return properties.get(name) instanceof String text && !text.isBlank() ? Optional.of(text.trim()) : Optional.empty();
    }

    private static String withoutWww(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
