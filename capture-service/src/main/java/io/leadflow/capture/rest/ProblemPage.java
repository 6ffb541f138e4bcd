package io.leadflow.capture.rest;

import io.leadflow.problems.FieldError;
import io.leadflow.problems.Problem;
import java.util.Locale;
import java.util.Optional;

/**
 * A problem as a small HTML page, for people whose browser posted a form: what went wrong, each
 * wrong field by name, and a link back to the form. Every piece of text is escaped: field values
 * and the page address come from the post.
 */
final class ProblemPage {

    private ProblemPage() {
    }

    /**
     * @param backTo the page the form was posted from (its Referer); linked to when it is an http(s) URL
     */
    static String render(Problem problem, Optional<String> backTo) {
        StringBuilder page = new StringBuilder(512)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(problem.title())).append("</title>\n</head>\n<body>\n<h1>")
                .append(escape(problem.title())).append("</h1>\n<p>").append(escape(problem.detail())).append("</p>\n");
        if (!problem.errors().isEmpty()) {
            page.append("<ul>\n");
            for (FieldError error : problem.errors()) {
                page.append("<li>The field <code>").append(escape(error.field())).append("</code> ")
                        .append(escape(error.message())).append(".</li>\n");
            }
            page.append("</ul>\n");
        }
        backTo.filter(ProblemPage::isWebUrl).ifPresent(url ->
                page.append("<p><a href=\"").append(escape(url)).append("\">Back to the form</a></p>\n"));
        return page.append("</body>\n</html>\n").toString();
    }

    /** Text safe in HTML content and in quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Only http(s) links: a {@code javascript:} Referer must not become a link. */
    private static boolean isWebUrl(String url) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
