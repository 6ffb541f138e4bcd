package io.leadflow.capture.rest;

import io.leadflow.problems.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The refusals of a form post in the format its client reads: an HTML page for a browser (its
 * {@code Accept} prefers {@code text/html}), problem+json for everything else.
 */
final class FormAnswers {

    static final String HTML = "text/html;charset=UTF-8";
    private static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private FormAnswers() {
    }

    /**
     * The problem answer as it is, or as an HTML page with the same status and headers.
     *
     * @param problemAnswer an answer made by {@link Problems}
     * @param referer the page the form was posted from, linked to from the HTML page
     */
    static Response negotiate(Response problemAnswer, HttpHeaders headers, Optional<String> referer) {
        if (!prefersHtml(headers.getAcceptableMediaTypes())) {
            return problemAnswer;
        }
        Response.ResponseBuilder page = Response.status(problemAnswer.getStatus())
                .type(HTML)
                // it shows posted text and loads nothing: the CSP every answer gets (application.properties) lets nothing run
                .entity(ProblemPage.render((Problem) problemAnswer.getEntity(), referer));
        problemAnswer.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> page.header(name, value));
            }
        });
        return page.build();
    }

    /**
     * Whether the most preferred type the client names (most preferred first, as JAX-RS sorts
     * them) is HTML rather than JSON; a bare {@code *}{@code /*}, as HTTP libraries send, means JSON.
     */
    static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (refused(type)) {
                continue;
            }
            if (type.isWildcardType() || type.isCompatible(PROBLEM_JSON) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!type.isWildcardSubtype() && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** {@code q=0}: the client says it cannot use the type. */
    private static boolean refused(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1")) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
