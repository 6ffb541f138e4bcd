package io.leadflow.scoring.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A path glob such as {@code /pricing*} or {@code /docs/*}: {@code *} matches any characters, case is ignored. */
final class PathGlob {

    private final Pattern pattern;

    PathGlob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    boolean matches(String path) {
        return pattern.matcher(path.toLowerCase(Locale.ROOT)).matches();
    }
}
