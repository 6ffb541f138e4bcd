package io.leadflow.handoff.domain;

import java.util.List;
import java.util.Locale;

/**
 * What a lead must have for a rule to match. Every condition given must hold; a condition left out
 * (null or empty) matches any lead, so a match with none matches every lead.
 *
 * @param countries ISO country codes of a territory, matched against the {@code country} trait
 * @param regions regions of a territory, matched against the {@code region} trait
 * @param minCompanySize smallest company size (the {@code companySize} trait) of a segment, inclusive
 * @param maxCompanySize largest company size of a segment, inclusive
 * @param emailDomains named accounts: the email domains of their contacts
 * @param minScore the least score the lead must have
 * @param existingOwner true: matches a lead that already has an owner, and routes it to them
 */
public record RuleMatch(List<String> countries, List<String> regions, Integer minCompanySize, Integer maxCompanySize,
        List<String> emailDomains, Integer minScore, Boolean existingOwner) {

    public RuleMatch {
        countries = countries == null ? List.of() : List.copyOf(countries);
        regions = regions == null ? List.of() : List.copyOf(regions);
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }

    public static RuleMatch any() {
        return new RuleMatch(null, null, null, null, null, null, null);
    }

    public boolean onExistingOwner() {
        return Boolean.TRUE.equals(existingOwner);
    }

    boolean matches(LeadProfile lead) {
        return (!onExistingOwner() || lead.existingOwner() != null)
                && oneOf(countries, lead.country())
                && oneOf(regions, lead.region())
                && oneOf(emailDomains, lead.emailDomain())
                && (minCompanySize == null || lead.companySize() != null && lead.companySize() >= minCompanySize)
                && (maxCompanySize == null || lead.companySize() != null && lead.companySize() <= maxCompanySize)
                && (minScore == null || lead.score() >= minScore);
    }

    private static boolean oneOf(List<String> allowed, String value) {
        return allowed.isEmpty() || value != null
                && allowed.stream().anyMatch(candidate -> candidate.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
    }
}
