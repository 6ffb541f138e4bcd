package io.leadflow.handoff.domain;

import java.util.List;
import java.util.Map;

/**
 * Where a lead came from, for reports by source: its first-touch channel when capture classified
 * one (scoring keeps it as the trait {@code firstTouchChannel}: organic-search, paid-search,
 * paid-social, social, email, referral, direct), else the first of its {@code leadSource},
 * {@code source} and {@code utm_source} traits that is set (as CRMs, forms and campaign links
 * name it), trimmed and in lower case so that "Google" and "google" count as one.
 */
public final class LeadSource {

    private static final List<String> TRAITS = List.of("firstTouchChannel", "leadSource", "source", "utm_source");

    private LeadSource() {
    }

    /** The lead's source, or null when its traits name none. */
    public static String of(Map<String, Object> traits) {
        if (traits == null) {
            return null;
        }
        return TRAITS.stream()
                .map(traits::get)
                .filter(value -> value instanceof String text && !text.isBlank())
                .map(value -> ((String) value).trim().toLowerCase())
                .findFirst()
                .orElse(null);
    }
}
