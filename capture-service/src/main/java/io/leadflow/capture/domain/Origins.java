package io.leadflow.capture.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins ({@code scheme://host[:port]}) as browsers send them in {@code Origin}, compared with
 * the origins a public key or a form is bound to.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * The origin of the request: its {@code Origin} header, else the origin of its {@code Referer}
     * (browsers leave Origin out of some same-origin requests).
     */
    public static Optional<String> of(Optional<String> originHeader, Optional<String> referer) {
        return originHeader.filter(origin -> !origin.isBlank() && !"null".equals(origin.trim()))
                .or(() -> referer)
                .flatMap(Origins::normalize);
    }

    /**
     * An origin or URL reduced to its lowercase {@code scheme://host[:port]}, without a port that is
     * the scheme's default; empty when it is not an http(s) URL. A port of {@code *} is kept, so
     * that configured patterns normalize the same way.
     */
    public static Optional<String> normalize(String url) {
        String text = url.trim();
        boolean anyPort = text.matches("(?i)https?://[^/:]+:\\*/?");
        try {
            URI uri = new URI(anyPort ? text.replace(":*", "") : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (anyPort ? ":*" : defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code origin} (normalized) matches {@code allowed} (normalized; a port of {@code *} matches any). */
    public static boolean matches(String allowed, String origin) {
        if (allowed.endsWith(":*")) {
            String base = allowed.substring(0, allowed.length() - 2);
            return origin.equals(base) || origin.startsWith(base + ":") && origin.substring(base.length() + 1).matches("\\d+");
        }
        return allowed.equals(origin);
    }
}
