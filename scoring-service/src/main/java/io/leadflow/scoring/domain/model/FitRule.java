package io.leadflow.scoring.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Fit points for one profile trait. Exactly one matcher is set:
 * <ul>
 *   <li>{@code jobTitleKeywords}: the {@code jobTitle} trait contains one of these words (any case);</li>
 *   <li>{@code companySize}: the {@code companySize} trait (a number, or a band like {@code 51-200}, read by its
 *       first number) lies in the band;</li>
 *   <li>{@code industries}: the {@code industry} trait is one of these (any case);</li>
 *   <li>{@code countries}: the {@code country} trait is one of these ISO codes (any case);</li>
 *   <li>{@code emailDomains}: the lead's email domain is one of these (free-mail or competitor lists, ...).</li>
 * </ul>
 *
 * @param id the rule's stable id
 * @param points the fit points when it matches; negative for a poor fit
 */
public record FitRule(String id, Integer points, List<String> jobTitleKeywords, SizeBand companySize, List<String> industries,
        List<String> countries, List<String> emailDomains) {

    /** How many matchers are set: a valid rule has one. */
    public long matcherCount() {
        return Stream.of(jobTitleKeywords, companySize, industries, countries, emailDomains)
                .filter(Objects::nonNull)
                .count();
    }

    /** A company-size band, both ends included; an open end is null. */
    public record SizeBand(Integer min, Integer max) {
    }
}
