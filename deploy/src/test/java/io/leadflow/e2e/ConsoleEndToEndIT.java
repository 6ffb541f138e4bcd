package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.HeadlessChromium;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console in a real browser (Debian's headless Chromium) against the four packaged services on
 * one broker and one database: served by handoff-service, signed in with a development token, calling
 * scoring and crm-sync across origins. Each view's screenshot is saved to docs/console/. Skipped,
 * saying so, only where Chromium is not installed.
 */
class ConsoleEndToEndIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);
    private static final String XSS = "<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("leadflow.console.screenshots", "../docs/console"));

    private static LeadflowStack stack;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        // the browser first: where it is missing the test fails at once, before the stack is built
        chromium = HeadlessChromium.start();
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        stack = LeadflowStack.start(root, root.resolve("deploy/target/e2e-logs"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
                assertThat(chromium.leftOver()).as("Chromium processes left after quitting").isEmpty();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void aLeadPostedThroughCaptureArrivesLiveOnTheBoardAndAcceptingItMakesItSal() throws Exception {
        // Given a sales manager on the board, watching the default queue, the stream live
        signIn(token("e2e-manager", "sales-manager"), "board");
        awaitText(By.cssSelector(".connection"), "Stream: live");

        // When a lead's journey is posted through capture, its demo-request form carrying markup in a field
        String email = "console-" + UUID.randomUUID() + "@example.com";
        CaptureJourneys.postMqlJourney(stack.url("capture-service"), email, Map.of("company", XSS, "page_url", "https://example.com/demo?x=<script>window.__pwned=true</script>"));

        // Then its handoff appears on the open board without a reload
        WebElement card = await("the handoff on the board").atMost(PIPELINE_TIMEOUT).until(() -> card(email), found -> found != null);
        assertThat(card.findElement(By.cssSelector(".handoff-status")).getText()).isEqualTo("OFFERED");
        assertThat(card.findElement(By.cssSelector(".sla")).getText()).startsWith("due in 3 h");
        chromium.screenshot(SCREENSHOTS.resolve("board.png"));

        // When the manager accepts it with a reason code, from the keyboard
        card(email).findElement(By.tagName("select")).sendKeys("good-fit");
        assertThat(card(email).findElement(By.cssSelector("select option:checked")).getText()).isEqualTo("good-fit");
        card(email).findElement(By.cssSelector("button[data-action=accept]")).sendKeys(Keys.ENTER);

        // Then the board shows it accepted, and its lead page shows the stage SAL once scoring heard it
        await("accepted on the board").atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> card(email).findElement(By.cssSelector(".handoff-status")).getText(), "ACCEPTED (good-fit)"::equals);
        await("the lead's link followed").atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(() -> {
                    card(email).findElement(By.linkText(email)).click();
                    return true;
                });
        await("stage SAL on the lead page").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            chromium.driver().navigate().refresh();
            return textOf(By.id("lead-stage"));
        }, "SAL"::equals);
        awaitText(By.cssSelector("section[aria-labelledby=lifecycle-title] caption"), "Handoffs to sales");
        // and its lifecycle history ends with the acceptance, its reason and the time it spent as an MQL
        String accepted = awaitText(By.cssSelector("#lifecycle-history tbody tr:last-child"), "MQL → SAL");
        assertThat(accepted).contains("sales accepted: good-fit").containsPattern("\\d+ (s|min|h)");

        // And the captured markup shows as text, inert
        WebElement company = await().atMost(Duration.ofSeconds(10)).until(() -> traitValue("company"), found -> found != null);
        assertThat(company.getText()).isEqualTo(XSS);
        assertThat(company.findElements(By.xpath(".//*"))).as("elements made from the captured text").isEmpty();
        assertThat(chromium.driver().executeScript("return window.__pwned === true")).isEqualTo(false);
        chromium.screenshot(SCREENSHOTS.resolve("lead.png"));

        // And its company's account (its email's domain) lists it among its leads, once scoring rolled it up
        await("the lead on its account's page").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            open("account?domain=example.com");
            await().atMost(Duration.ofSeconds(10)).until(() -> !chromium.driver().findElements(By.cssSelector("#account-stage, #account .error")).isEmpty());
            return !chromium.driver().findElements(By.linkText(email)).isEmpty();
        });
        assertThat(textOf(By.id("account-stage"))).isIn("ENGAGED", "MQA");
        chromium.screenshot(SCREENSHOTS.resolve("account.png"));
    }

    @Test
    void aModelEditWithAnErrorShowsTheServicesMessageAndPublishesNothing() throws Exception {
        // Given marketing ops in the model editor
        signIn(token("e2e-marketing", "marketing-ops"), "model");
        String activeBefore = awaitText(By.id("active-version"), "Active: version");

        // When the page-view rule is given zero points and the model is published
        WebElement points = awaitElement(By.cssSelector("input[data-rule=page-viewed]"));
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        chromium.driver().findElement(By.xpath("//label[text()='Changelog']/following-sibling::input")).sendKeys("page views count for nothing");
        chromium.driver().findElement(By.id("publish-model")).click();

        // Then the service's validation message names the field, and the active version is unchanged
        String problems = awaitText(By.cssSelector(".problems"), "points");
        assertThat(problems).contains("model.engagementRules[");
        assertThat(chromium.driver().findElement(By.cssSelector("textarea.json")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(textOf(By.id("active-version"))).isEqualTo(activeBefore);
        chromium.screenshot(SCREENSHOTS.resolve("model-error.png"));

        // And a document that is not JSON is refused in the browser, saying so
        WebElement document = chromium.driver().findElement(By.cssSelector("textarea.json"));
        document.sendKeys(Keys.chord(Keys.CONTROL, "a"), "{\"engagementRules\": [");
        assertThat(document.getDomProperty("value")).isEqualTo("{\"engagementRules\": [");
        chromium.driver().findElement(By.id("preview-model")).click();
        awaitText(By.cssSelector(".problems"), "The document is not valid JSON");
    }

    @Test
    void aPublishedModelChangeRescoresALeadVisibly() throws Exception {
        // Given a lead who viewed two pages and used the pricing calculator (an event of the site's own naming, no rule
        // scoring it yet), and its score on its page
        String email = "rescored-" + UUID.randomUUID() + "@example.com";
        CaptureJourneys.postEvent(stack.url("capture-service"), "page.viewed", email, Map.of("url", "https://example.com/features"));
        CaptureJourneys.postEvent(stack.url("capture-service"), "page.viewed", email, Map.of("url", "https://example.com/customers"));
        CaptureJourneys.postCustomEvent(stack.url("capture-service"), "Pricing Calculator Used", email, Map.of("seats", 25));
        signIn(token("e2e-admin", "admin"), "lead?email=" + encode(email));
        int before = await("the lead scored").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            chromium.driver().navigate().refresh();
            return scoreShown();
        }, score -> score == 10);

        // When an admin previews and publishes a model where a page view is worth 25 points, and using the pricing
        // calculator for 20 seats or more 30, added through the editor's custom-event form
        open("model");
        WebElement points = awaitElement(By.cssSelector("input[data-rule=page-viewed]"));
        points.sendKeys(Keys.chord(Keys.CONTROL, "a"), "25");
        chromium.driver().findElement(By.id("custom-rule-id")).sendKeys("pricing-calculator");
        chromium.driver().findElement(By.id("custom-rule-event")).sendKeys("Pricing Calculator Used");
        chromium.driver().findElement(By.id("custom-rule-points")).sendKeys("30");
        chromium.driver().findElement(By.id("custom-rule-property")).sendKeys("seats");
        chromium.driver().findElement(By.id("custom-rule-value")).sendKeys("20");
        chromium.driver().findElement(By.id("add-custom-rule")).click();
        assertThat(awaitElement(By.cssSelector("input[data-rule=pricing-calculator]")).getDomProperty("value")).isEqualTo("30");
        assertThat(textOf(By.xpath("//label[@for=//input[@data-rule='pricing-calculator']/@id]")))
                .isEqualTo("pricing-calculator (custom “Pricing Calculator Used”, seats >= 20)");
        chromium.driver().findElement(By.id("preview-model")).click();
        assertThat(Integer.parseInt(awaitElement(By.id("preview-score-changes")).getText())).isPositive();
        awaitText(By.cssSelector("#preview table caption"), "Top movers");
        chromium.screenshot(SCREENSHOTS.resolve("model-preview.png"));
        chromium.driver().findElement(By.xpath("//label[text()='Changelog']/following-sibling::input")).sendKeys("page views matter more");
        chromium.driver().findElement(By.id("publish-model")).click();

        // Then the replay's progress is shown until every lead is re-scored, and the new version is the active one
        await("the replay done").atMost(PIPELINE_TIMEOUT).until(() -> textOf(By.id("replay-status")), status -> status.startsWith("DONE"));
        awaitText(By.cssSelector("#model-versions tbody tr"), "(active)");
        assertThat(textOf(By.cssSelector("#model-versions tbody tr"))).contains("page views matter more");
        chromium.screenshot(SCREENSHOTS.resolve("model-published.png"));

        // And the lead's page shows the new score: two page views at 25 points and the calculator's 30
        open("lead?email=" + encode(email));
        assertThat(await().atMost(Duration.ofSeconds(10)).until(this::scoreShown, score -> score != null)).isEqualTo(80).isNotEqualTo(before);
    }

    @Test
    void eachRoleSeesItsViewsAndTheReportsAndOperationsRender() throws Exception {
        // A sales rep sees their board and leads only
        signIn(token("ana", "sales-rep"), "board");
        awaitText(By.cssSelector(".connection"), "Stream: live");
        assertThat(navigation()).containsExactly("Handoff board", "Lead");
        assertThat(chromium.driver().findElement(By.cssSelector("#watch option:checked")).getText())
                .isEqualTo("My handoffs (ana)");

        // An admin sees every view; the reports and the services' readiness (across origins) render
        signIn(token("e2e-admin", "admin"), "reports");
        assertThat(navigation()).containsExactly("Handoff board", "Lead", "Account", "Scoring model", "Calibration", "Funnel", "Reports",
                "Routing", "Operations");
        awaitText(By.cssSelector("#sla-title + p"), "handoffs:");
        chromium.screenshot(SCREENSHOTS.resolve("reports.png"));
        open("funnel");
        awaitText(By.cssSelector("main p"), "leads first seen since");
        awaitText(By.cssSelector("#funnel-flow table caption"), "Conversion per first-touch source");
        awaitText(By.cssSelector("#funnel-over-time table caption"), "at the end of each week");
        chromium.screenshot(SCREENSHOTS.resolve("funnel.png"));
        // a calibration over this stack's few sales verdicts is refused, saying how many outcomes a calibration needs
        open("calibration");
        chromium.driver().findElement(By.id("start-calibration")).click();
        awaitText(By.cssSelector("#calibration .error"), "a calibration needs at least");
        chromium.screenshot(SCREENSHOTS.resolve("calibration-refused.png"));
        open("routing");
        awaitText(By.id("routing-version"), "in force");
        chromium.screenshot(SCREENSHOTS.resolve("routing.png"));
        open("ops");
        await().atMost(Duration.ofSeconds(10)).until(() -> chromium.driver().findElements(By.cssSelector(".health-up")).size() == 3);
        // and each consuming service's consumer lag and dead-letter topics (its /v1/ops API, across origins for two of them)
        await().atMost(Duration.ofSeconds(30)).until(() -> chromium.driver().findElements(By.cssSelector(".ops-kafka table caption"))
                .stream().filter(caption -> caption.getText().startsWith("Consumer lag")).count() == 3);
        assertThat(chromium.driver().findElements(By.cssSelector(".dead-letter-topic")).stream().map(topic -> topic.getAttribute("data-topic")))
                .contains("leadflow.engagement.v1.dlq", "leadflow.lifecycle.v1.dlq", "leadflow.handoffs.v1.dlq", "leadflow.crm-sync.v1.dlq");
        chromium.screenshot(SCREENSHOTS.resolve("ops.png"));
    }

    @Test
    void aPageViewUnderTheSnippetAndAFormPostWithTheSameAnonymousIdEndInOneLead() throws Exception {
        // Given capture's example page (a site whose newsletter form posts to capture) with the real snippet under the
        // stack's public key, bound to capture's origin, in a visitor's own browser that calls itself Chrome: capture
        // counts HeadlessChrome as a bot, whose engagements are kept but score nothing
        String capture = stack.url("capture-service");
        try (HeadlessChromium visitor = HeadlessChromium.start()) {
            ChromeDriver driver = visitor.driver();
            String headless = (String) driver.executeScript("return navigator.userAgent");
            driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", headless.replace("HeadlessChrome", "Chrome")));
            driver.get(capture + "/example.html");
            driver.manage().deleteAllCookies();
            driver.executeScript("""
                    const snippet = document.createElement('script');
                    snippet.src = '/v1/leadflow.js';
                    snippet.dataset.writeKey = arguments[0];
                    document.head.append(snippet);""", LeadflowStack.PUBLIC_WRITE_KEY);

            // When the snippet records the page view under its anonymous id (its first-party cookie)
            String anonymousId = await("the snippet's anonymous id").atMost(Duration.ofSeconds(10))
                    .until(() -> driver.manage().getCookieNamed("lf_aid"), cookie -> cookie != null).getValue();
            // and the visitor subscribes to the newsletter with their email, the form post carrying that anonymous id
            String email = "snippet-" + UUID.randomUUID() + "@example.com";
            WebElement newsletter = driver.findElement(By.id("newsletter"));
            driver.executeScript("arguments[0].value = arguments[1]", newsletter.findElement(By.name("email")), email);
            driver.executeScript("arguments[0].requestSubmit()", newsletter);
            // (answered once the broker acknowledged it)
            await("the form posted").atMost(PIPELINE_TIMEOUT).until(() -> driver.getCurrentUrl().endsWith("/thanks.html"));

            // Then scoring holds one lead for the email, the anonymous history stitched to it: its ledger holds the page
            // view as well as the sign-up, the page view once
            List<String> types = await("the page view in the known lead's ledger").atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ledgerTypes(email), found -> found.containsAll(List.of("page.viewed", "form.submitted")));
            assertThat(types).as("the ledger of " + email + ", visitor " + anonymousId).containsOnlyOnce("page.viewed");
        }
    }

    // the types in the lead's ledger as scoring's API answers it; none while there is no such lead
    private static List<String> ledgerTypes(String email) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.url("scoring-service")
                        + "/v1/leads?email=" + encode(email))).header("Authorization", "Bearer " + token("e2e-marketing", "marketing-ops")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 404 ? List.of() : new ObjectMapper().readTree(response.body()).path("ledger").findValuesAsText("type");
    }

    private static void signIn(String token, String view) throws Exception {
        ChromeDriver driver = chromium.driver();
        driver.get(stack.url("handoff-service") + "/console/");
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement field = awaitElement(By.id("token"));
        chromium.screenshot(SCREENSHOTS.resolve("sign-in.png"));
        field.sendKeys(token);
        driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        awaitElement(By.cssSelector("#nav a"));
        open(view);
    }

    /** Opens a view afresh (a page load, not a hash change) and prints how long it took to render. */
    private static void open(String view) {
        chromium.driver().get(stack.url("handoff-service") + "/console/#/" + view);
        long started = System.nanoTime();
        chromium.driver().navigate().refresh();
        await().atMost(Duration.ofSeconds(10)).until(() -> chromium.driver().findElements(By.cssSelector("main .loading")).isEmpty());
        System.out.printf("console view %s rendered in %d ms (load and first render)%n", view.replaceAll("\\?.*", ""),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static List<String> navigation() {
        return chromium.driver().findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    /** The lead's card as the board shows it now (a card is replaced when its handoff changes). */
    private static WebElement card(String email) {
        return chromium.driver().findElements(By.cssSelector("article.card[data-email='" + email + "']")).stream().findFirst().orElse(null);
    }

    private static WebElement traitValue(String name) {
        List<WebElement> cells = chromium.driver().findElements(By.cssSelector("#lead-traits > *"));
        for (int i = 0; i + 1 < cells.size(); i += 2) {
            if (name.equals(cells.get(i).getText())) {
                return cells.get(i + 1);
            }
        }
        return null;
    }

    private Integer scoreShown() {
        List<WebElement> score = chromium.driver().findElements(By.id("lead-score"));
        return score.isEmpty() ? null : Integer.valueOf(score.get(0).getText());
    }

    private static WebElement awaitElement(By locator) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> chromium.driver().findElements(locator).stream().findFirst().orElse(null),
                found -> found != null);
    }

    private static String awaitText(By locator, String part) {
        return await("text '" + part + "' in " + locator).atMost(Duration.ofSeconds(15))
                .until(() -> textOf(locator), text -> text != null && text.contains(part));
    }

    private static String textOf(By locator) {
        List<WebElement> found = chromium.driver().findElements(locator);
        try {
            return found.isEmpty() ? null : found.get(0).getText();
        } catch (StaleElementReferenceException redrawn) {
            // the view redrew it between finding and reading (the replay's progress does, each poll): not there yet
            return null;
        }
    }

    /** A development token (the services trust its key on the test stack), without the "Bearer " prefix. */
    private static String token(String subject, String... roles) {
        return DevTokens.sign(subject, List.of(roles), DevTokens.ISSUER, Duration.ofHours(1), Instant.now());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
