package io.leadflow.capture.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.HeadlessChromium;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A real browser (Debian's headless Chromium) on the example page: the snippet records the page
 * view, and the page's form is posted as a person would. The broker comes from the test resource
 * declared on {@link EventsResourceTest}. Where Chromium is not installed it fails saying how to install
 * it; {@code -Dleadflow.browser-tests=skip} skips it instead, counted as skipped.
 */
@QuarkusTest
class BrowserTest {

    private static HeadlessChromium chromium;

    @TestHTTPResource("example.html")
    URL examplePage;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void quitChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
            assertThat(chromium.leftOver()).as("Chromium processes left after quitting").isEmpty();
        }
    }

    @Test
    void the_snippet_records_the_page_view_with_the_visitors_anonymous_id() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // When
            chromium.driver().manage().deleteAllCookies();
            chromium.driver().get(examplePage.toString());

            // Then the snippet set the anonymous id cookie, and its beacon reached the topic
            String anonymousId = anonymousIdCookie();
            ReceivedEvent record = probe.awaitEvents(1, event -> ("anon:" + anonymousId).equals(event.key()),
                    EventsResourceTest.ARRIVAL).get(0);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("page.viewed");
            assertThat(record.data().get("anonymousId").asText()).isEqualTo(anonymousId);
            assertThat(record.data().at("/properties/url").asText()).isEqualTo(examplePage.toString());
            assertThat(record.data().at("/properties/title").asText()).isEqualTo(chromium.driver().getTitle());
            // a headless browser says so in its user agent: its engagement is flagged
            String userAgent = (String) chromium.driver().executeScript("return navigator.userAgent");
            assertThat(record.data().path("bot").asBoolean()).isEqualTo(userAgent.contains("Headless"));
        }
    }

    @Test
    void a_person_posting_the_example_form_lands_on_the_thank_you_page_and_the_form_is_captured() {
        try (TopicProbe probe = TopicProbe.tail(Topics.ENGAGEMENT)) {
            // Given the example page, with the snippet loaded
            String email = EventsResourceTest.uniqueEmail();
            chromium.driver().get(examplePage.toString());
            String anonymousId = anonymousIdCookie();

            // When the newsletter form is filled in (the hidden honeypot left alone, as people do) and sent
            WebElement form = chromium.driver().findElement(By.id("newsletter"));
            form.findElement(By.name("email")).sendKeys(email);
            form.findElement(By.name("first_name")).sendKeys("Ada");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            // Then the browser followed the 303 to the thank-you page
            await().atMost(Duration.ofSeconds(20)).until(() -> chromium.driver().getCurrentUrl().endsWith("/thanks.html"));
            assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");

            // and the post is on the topic, tied to the visitor's anonymous id and page by the snippet
            ReceivedEvent record = probe.awaitEvents(1, event -> email.equals(event.key()), EventsResourceTest.ARRIVAL).get(0);
            assertThat(EventSchemas.validate(EngagementCaptured.TYPE, record.data())).isEmpty();
            assertThat(record.data().get("type").asText()).isEqualTo("form.submitted");
            assertThat(record.data().get("source").asText()).isEqualTo("form:newsletter");
            assertThat(record.data().get("anonymousId").asText()).isEqualTo(anonymousId);
            assertThat(record.data().at("/traits/firstName").asText()).isEqualTo("Ada");
            assertThat(record.data().at("/properties/url").asText()).isEqualTo(examplePage.toString());
        }
    }

    private static String anonymousIdCookie() {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> chromium.driver().manage().getCookieNamed("lf_aid"), cookie -> cookie != null)
                .getValue();
    }
}
