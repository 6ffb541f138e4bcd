package io.leadflow.scoring.domain.account;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Email domains of personal mailboxes: a lead writing from one says nothing about its company, so it joins no account
 * by its email. A built-in list of the large providers (no maintained Java library of them with a fitting licence
 * exists; the npm and Python lists hold thousands of disposable domains, which matter to sign-up forms, not here) plus
 * whatever the scoring model's {@code accounts.freeMailDomains} adds.
 */
public final class FreeMailDomains {

    static final Set<String> BUILT_IN = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "rocketmail.com",
            "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "outlook.com", "outlook.de", "live.com", "live.co.uk",
            "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.de", "gmx.net",
            "gmx.com", "web.de", "t-online.de", "mail.com", "mail.ru", "yandex.ru", "yandex.com", "zoho.com", "zohomail.com",
            "fastmail.com", "hey.com", "tutanota.com", "tuta.io", "qq.com", "163.com", "126.com", "naver.com", "orange.fr",
            "free.fr", "laposte.net", "libero.it", "btinternet.com", "comcast.net", "verizon.net", "att.net", "seznam.cz",
            "wp.pl", "o2.pl", "rediffmail.com", "mailbox.org", "posteo.de");

    private final Set<String> domains;

    private FreeMailDomains(Set<String> domains) {
        this.domains = domains;
    }

    /** The built-in list and {@code extra}. */
    public static FreeMailDomains with(List<String> extra) {
        Set<String> all = new HashSet<>(BUILT_IN);
        extra.forEach(domain -> all.add(domain.trim().toLowerCase(Locale.ROOT)));
        return new FreeMailDomains(Set.copyOf(all));
    }

    /** @param domain lower case */
    public boolean contains(String domain) {
        return domains.contains(domain);
    }
}
