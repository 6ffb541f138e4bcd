package io.leadflow.handoff.domain;

import java.util.Locale;
import java.util.Map;

/**
 * What routing knows of a lead: its traits, score and existing owner.
 *
 * @param emailDomain the domain of the lead's email, lower case; null without an email
 * @param country the {@code country} trait
 * @param region the {@code region} trait
 * @param companySize the {@code companySize} trait
 * @param score the lead's score at qualification
 * @param existingOwner the rep who already owns the lead (an earlier handoff or the {@code owner} trait); null for none
 */
public record LeadProfile(String emailDomain, String country, String region, Integer companySize, int score,
        String existingOwner) {

    /** The profile from a stage change's email, traits and score. */
    public static LeadProfile of(String email, Map<String, Object> traits, int score, String earlierAssignee) {
        Map<String, Object> given = traits == null ? Map.of() : traits;
        String domain = email == null || email.indexOf('@') < 0 ? null
                : email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String owner = earlierAssignee != null ? earlierAssignee : text(given.get("owner"));
        return new LeadProfile(domain, text(given.get("country")), text(given.get("region")),
                number(given.get("companySize")), score, owner);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static Integer number(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
