package io.leadflow.crmsync.domain;

import java.util.Map;

/**
 * Who the lead is, read from the traits a handoff carries ({@code firstName}, {@code lastName},
 * {@code company}, {@code jobTitle}): each a trimmed string, or null when absent, blank or not text.
 * CRMs that require a value get {@link #NOT_PROVIDED} instead, the placeholder Salesforce's own
 * web-to-lead writes for a missing required field.
 */
public record LeadProfile(String firstName, String lastName, String company, String jobTitle) {

    public static final String NOT_PROVIDED = "[not provided]";

    public static LeadProfile of(Map<String, Object> traits) {
        Map<String, Object> known = traits == null ? Map.of() : traits;
        return new LeadProfile(text(known.get("firstName")), text(known.get("lastName")), text(known.get("company")),
                text(known.get("jobTitle")));
    }

    /** The last name, or {@link #NOT_PROVIDED} for a CRM that requires one. */
    public String lastNameOrPlaceholder() {
        return lastName != null ? lastName : NOT_PROVIDED;
    }

    /** The company, or {@link #NOT_PROVIDED} for a CRM that requires one. */
    public String companyOrPlaceholder() {
        return company != null ? company : NOT_PROVIDED;
    }

    /** "First Last", either alone, or {@code fallback} (an email) when the lead gave no name. */
    public String fullNameOr(String fallback) {
        if (firstName == null && lastName == null) {
            return fallback != null ? fallback : NOT_PROVIDED;
        }
        return firstName == null ? lastName : lastName == null ? firstName : firstName + " " + lastName;
    }

    private static String text(Object value) {
        if (!(value instanceof String string) || string.isBlank()) {
            return null;
        }
        return string.trim();
    }
}
