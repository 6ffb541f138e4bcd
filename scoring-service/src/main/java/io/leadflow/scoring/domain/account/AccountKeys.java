package io.leadflow.scoring.domain.account;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which account a lead belongs to, named by the company's domain. A CRM account id wins ({@code crmAccountId} trait,
 * the key {@code crm:<id>}: the CRM knows best), then a company domain the lead's traits give ({@code companyDomain},
 * else {@code website}), then the domain of the lead's email unless it is a free-mail one. A lead with none of these
 * belongs to no account.
 */
public final class AccountKeys {

    public static final String CRM_PREFIX = "crm:";

    // what a domain looks like once read: labels of letters, digits and hyphens, at least one dot
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern CRM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final FreeMailDomains freeMail;

    public AccountKeys(FreeMailDomains freeMail) {
        this.freeMail = freeMail;
    }

    /** The lead's account key, empty when it belongs to none. */
    public Optional<String> of(String email, Map<String, Object> traits) {
        Optional<String> crm = text(traits.get("crmAccountId")).filter(id -> CRM_ID.matcher(id).matches()).map(id -> CRM_PREFIX + id);
        if (crm.isPresent()) {
            return crm;
        }
        Optional<String> company = text(traits.get("companyDomain")).or(() -> text(traits.get("website"))).flatMap(AccountKeys::domainOf);
        if (company.isPresent()) {
            return company;
        }
        return emailDomain(email).filter(domain -> !freeMail.contains(domain));
    }

    /** Whether {@code key} has an account key's form: a lower-case domain, or {@code crm:} and a CRM account id. */
    public static boolean isKey(String key) {
        return key.startsWith(CRM_PREFIX) ? CRM_ID.matcher(key.substring(CRM_PREFIX.length())).matches()
                : DOMAIN.matcher(key).matches() && key.length() <= 253;
    }

    /** The domain of an email, lower case, when it has one. */
    static Optional<String> emailDomain(String email) {
        if (email == null || email.lastIndexOf('@') < 0) {
            return Optional.empty();
        }
        return normalised(email.substring(email.lastIndexOf('@') + 1));
    }

    /** A domain from a domain or a web address ({@code https://www.acme.example/about} is {@code acme.example}). */
    static Optional<String> domainOf(String value) {
        String host = value;
        if (value.contains("/")) {
            try {
                host = URI.create(value.contains("://") ? value : "https://" + value).getHost();
            } catch (IllegalArgumentException notAnAddress) {
                return Optional.empty();
            }
        }
        return host == null ? Optional.empty() : normalised(host);
    }

    private static Optional<String> normalised(String domain) {
        String lower = domain.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("www.")) {
            lower = lower.substring(4);
        }
        return DOMAIN.matcher(lower).matches() && lower.length() <= 253 ? Optional.of(lower) : Optional.empty();
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(Object::toString).map(String::trim).filter(text -> !text.isEmpty());
    }
}
