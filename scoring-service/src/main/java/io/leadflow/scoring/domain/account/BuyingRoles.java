package io.leadflow.scoring.domain.account;

import io.leadflow.events.BuyingRole;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lead's buying-group role from its traits: the {@code buyingRole} trait when it names one (a CRM or enrichment
 * tool knows best), else the first role whose words its {@code jobTitle} holds, in the order finance, decision maker,
 * technical evaluator, champion (a CFO holds the budget; a "Head of Engineering" decides), else what its
 * {@code seniority} says, else {@link BuyingRole#USER}. Whole words only: "Chief" is a decision maker, "Mischief" is not.
 */
public final class BuyingRoles {

    private static final List<Map.Entry<BuyingRole, Set<String>>> TITLE_WORDS = List.of(
            Map.entry(BuyingRole.FINANCE, Set.of("cfo", "finance", "financial", "procurement", "purchasing", "controller",
                    "accounting", "accountant", "treasurer", "buyer")),
            Map.entry(BuyingRole.DECISION_MAKER, Set.of("ceo", "cto", "cio", "coo", "cmo", "cro", "chief", "founder", "cofounder",
                    "owner", "president", "vp", "svp", "evp", "vice", "head", "partner")),
            Map.entry(BuyingRole.TECHNICAL_EVALUATOR, Set.of("engineer", "engineering", "developer", "architect", "devops", "it",
                    "security", "administrator", "sysadmin", "technical")),
            Map.entry(BuyingRole.CHAMPION, Set.of("director", "manager", "lead", "principal", "supervisor")));

    private static final Map<String, BuyingRole> SENIORITY = Map.of(
            "executive", BuyingRole.DECISION_MAKER, "c-level", BuyingRole.DECISION_MAKER, "c-suite", BuyingRole.DECISION_MAKER,
            "vp", BuyingRole.DECISION_MAKER, "owner", BuyingRole.DECISION_MAKER, "director", BuyingRole.CHAMPION,
            "manager", BuyingRole.CHAMPION);

    private BuyingRoles() {
    }

    public static BuyingRole of(Map<String, Object> traits) {
        return named(traits.get("buyingRole"))
                .or(() -> text(traits.get("jobTitle")).flatMap(BuyingRoles::byTitle))
                .or(() -> text(traits.get("seniority")).map(seniority -> SENIORITY.get(seniority.toLowerCase(Locale.ROOT))))
                .orElse(BuyingRole.USER);
    }

    private static Optional<BuyingRole> byTitle(String title) {
        Set<String> words = Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).collect(Collectors.toSet());
        return TITLE_WORDS.stream().filter(role -> role.getValue().stream().anyMatch(words::contains)).map(Map.Entry::getKey).findFirst();
    }

    // "technical evaluator", "technical-evaluator" and "TECHNICAL_EVALUATOR" alike
    private static Optional<BuyingRole> named(Object value) {
        return text(value).map(name -> name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_"))
                .flatMap(name -> Arrays.stream(BuyingRole.values()).filter(role -> role.name().equals(name)).findFirst());
    }

    private static Optional<String> text(Object value) {
        return Optional.ofNullable(value).map(Object::toString).map(String::trim).filter(text -> !text.isEmpty());
    }
}
