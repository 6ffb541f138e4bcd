package io.leadflow.capture.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.capture.domain.FieldError;
import io.leadflow.problems.Problem;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the HTML problem page and the choice between it and problem+json. */
class ProblemPageTest {

    @Test
    void the_page_names_each_wrong_field_and_escapes_every_text() {
        Problem problem = Problems.problem(400, "invalid-event", "Invalid <event>", "1 field(s) are invalid",
                List.of(new FieldError("e\"mail", "must be <b>an email</b>")));

        String page = ProblemPage.render(problem, Optional.of("https://example.com/?q='><x>"));

        assertThat(page)
                .contains("<title>Invalid &lt;event&gt;</title>")
                .contains("<li>The field <code>e&quot;mail</code> must be &lt;b&gt;an email&lt;/b&gt;.</li>")
                .contains("<a href=\"https://example.com/?q=&#39;&gt;&lt;x&gt;\">")
                .doesNotContain("<b>", "<x>");
    }

    @Test
    void only_an_http_page_is_linked_back_to() {
        Problem problem = Problems.problem(404, "unknown-form", "Unknown form", "no form", List.of());

        assertThat(ProblemPage.render(problem, Optional.of("javascript:alert(1)"))).doesNotContain("href");
        assertThat(ProblemPage.render(problem, Optional.empty())).doesNotContain("href");
    }

    @Test
    void html_is_chosen_only_when_the_client_ranks_it_above_json() {
        MediaType html = new MediaType("text", "html");
        MediaType xhtml = new MediaType("application", "xhtml+xml");
        MediaType json = MediaType.APPLICATION_JSON_TYPE;

        assertThat(FormAnswers.prefersHtml(List.of(html, xhtml, MediaType.WILDCARD_TYPE))).isTrue();
        assertThat(FormAnswers.prefersHtml(List.of(json, html))).isFalse();
        assertThat(FormAnswers.prefersHtml(List.of(MediaType.WILDCARD_TYPE))).isFalse();
        assertThat(FormAnswers.prefersHtml(List.of())).isFalse();
        assertThat(FormAnswers.prefersHtml(List.of(new MediaType("text", "html", java.util.Map.of("q", "0")), json))).isFalse();
        assertThat(FormAnswers.prefersHtml(List.of(new MediaType("text", "*")))).isFalse();
    }
}
