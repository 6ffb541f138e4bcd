package io.leadflow.capture.domain;

import java.util.Optional;
import java.util.function.Predicate;

/** The checks of ids and emails that the JSON API and form posts share. */
public final class IdentityRules {

    private static final int MAX_EMAIL_LENGTH = 254;

    private final Predicate<String> emailFormat;

    /**
     * @param emailFormat the contract's email format (the JSON Schema's {@code format: email}), so
     *     that no email is accepted that consumers would reject as breaking the schema
     */
    public IdentityRules(Predicate<String> emailFormat) {
        this.emailFormat = emailFormat;
    }

    /** Why {@code email} (trimmed) is not a usable email address, if it is not. */
    public Optional<String> emailProblem(String email) {
        int at = email.lastIndexOf('@');
        boolean plausible = email.length() <= MAX_EMAIL_LENGTH && at > 0 && email.indexOf('.', at) > at;
        return plausible && emailFormat.test(email)
                ? Optional.empty()
                : Optional.of("must be an email address such as ada@example.com");
    }

    /** Why {@code id} is not a usable event id or anonymous id, if it is not. */
    public Optional<String> idProblem(String id) {
        if (id.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (id.length() > CaptureLimits.MAX_ID_LENGTH) {
            return Optional.of("must be at most " + CaptureLimits.MAX_ID_LENGTH + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
