package io.leadflow.scoring.domain;

import io.leadflow.scoring.domain.model.FitRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the model's matchers read a lead's traits: fit rules and segments read them alike. */
final class TraitValues {

    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,]*)");

    private TraitValues() {
    }

    /** A trait as trimmed text, when it is set and not blank. */
    static Optional<String> text(Map<String, Object> traits, String name) {
        return Optional.ofNullable(traits.get(name)).map(Object::toString).map(String::trim).filter(value -> !value.isEmpty());
    }

    static boolean containsIgnoringCase(List<String> values, String value) {
        return values.stream().anyMatch(candidate -> candidate.equalsIgnoreCase(value));
    }

    /** The employees a company size says: a number, or a band like {@code 51-200} read by its first number. */
    static Optional<Integer> employees(String size) {
        Matcher number = FIRST_NUMBER.matcher(size);
        if (!number.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(number.group(1).replace(",", "")));
        } catch (NumberFormatException tooLarge) {
            return Optional.of(Integer.MAX_VALUE);
        }
    }

    static boolean inBand(int employees, FitRule.SizeBand band) {
        return (band.min() == null || employees >= band.min()) && (band.max() == null || employees <= band.max());
    }
}
