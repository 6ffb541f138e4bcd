package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.HandoffCreated;
import io.leadflow.events.Topics;
import io.leadflow.testsupport.HeadlessChromium;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TopicProbe;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Signing in to the console through a real OpenID Connect provider: Keycloak with the repository's realm
 * ({@link TestKeycloak}, access tokens living 15 s), the four packaged services taking its tokens (its JWKS, issuer
 * and the audience "leadflow"), and Debian's headless Chromium on Keycloak's own login page. The console runs as in
 * production: sign-in through the provider only, no token pasting.
 */
class ConsoleOidcSignInIT {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HeadlessChromium chromium;
    private static LeadflowStack stack;
    /** Each lead's email and the rep its handoff went to. */
    private static Map<String, String> assignees;

    @BeforeAll
    static void startKeycloakStackAndBrowser() throws Exception {
        chromium = HeadlessChromium.start();
        Path root = Path.of(System.getProperty("leadflow.root", "..")).toAbsolutePath().normalize();
        // Keycloak builds and starts while the services do
        var keycloak = TestKeycloak.starting(root);
        stack = LeadflowStack.start(root, root.resolve("deploy/target/e2e-logs"), TestKeycloak.signIn(keycloak));
        TestKeycloak.awaitReady();
        TestKeycloak.allowConsole(stack.url("handoff-service"));

        // three leads, handed round-robin to the default routing's reps (ana, ben and cleo: the realm's users)
        try (TopicProbe handoffs = TopicProbe.tail(Topics.HANDOFFS)) {
            for (int i = 0; i < 3; i++) {
                CaptureJourneys.postMqlJourney(stack.url("capture-service"), "oidc-" + UUID.randomUUID() + "@example.com", Map.of());
            }
            assignees = handoffs.awaitEvents(3, event -> HandoffCreated.TYPE.equals(event.ceType()), PIPELINE_TIMEOUT).stream()
                    .collect(Collectors.toMap(ReceivedEvent::key, event -> event.data().get("assignee").asText()));
        }
        assertThat(assignees.values()).as("the reps the three handoffs went to").contains("ana").anyMatch(rep -> !rep.equals("ana"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** No session left from another test: neither the console's (sessionStorage) nor Keycloak's (its cookies). */
    @BeforeEach
    void signedOutEverywhere() {
        driver().get(consoleUrl());
        driver().executeScript("sessionStorage.clear()");
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void aSalesRepSignsInThroughKeycloaksLoginPageAndSeesOnlyTheirOwnHandoffs() {
        // Given the console, offering the organisation's sign-in and, deployed as in production, no token to paste
        openConsole();
        WebElement signIn = awaitElement(By.id("sign-in-provider"));
        assertThat(driver().findElements(By.id("token"))).isEmpty();

        // When a sales rep signs in on Keycloak's login page
        signIn.click();
        logIn("ana", TestKeycloak.PASSWORD);

        // Then the console shows her board, live, as hers
        awaitText(By.cssSelector(".connection"), "Stream: live");
        assertThat(driver().getCurrentUrl()).startsWith(consoleUrl());
        assertThat(textOf(By.cssSelector("#who .user"))).isEqualTo("ana · sales-rep");
        assertThat(textOf(By.cssSelector("#watch option:checked"))).isEqualTo("My handoffs (ana)");
        assertThat(navigation()).containsExactly("Handoff board", "Lead");

        // And her handoffs, and no one else's
        List<String> hers = emailsHandedTo("ana");
        List<String> others = assignees.keySet().stream().filter(email -> !hers.contains(email)).toList();
        await("her handoffs on the board").atMost(Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
                .until(this::emailsOnTheBoard, shown -> shown.containsAll(hers));
        assertThat(emailsOnTheBoard()).doesNotContainAnyElementsOf(others);
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageAndOutOfTheConsole() {
        // Given the console's sign-in
        openConsole();
        awaitElement(By.id("sign-in-provider")).click();

        // When a rep gives a wrong password
        logIn("ana", "not-" + TestKeycloak.PASSWORD);

        // Then Keycloak's page says so and keeps the browser
        await("Keycloak's refusal").atMost(Duration.ofSeconds(15))
                .until(() -> driver().getPageSource().contains("Invalid username or password."));
        assertThat(driver().getCurrentUrl()).startsWith(TestKeycloak.baseUrl());
        assertThat(driver().findElements(By.id("password"))).isNotEmpty();

        // And the console, opened again, is still signed out, holding no token
        openConsole();
        awaitElement(By.id("sign-in-provider"));
        assertThat(navigation()).isEmpty();
        assertThat(heldAccessToken()).isNull();
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithoutANewLogin() throws Exception {
        // Given a rep signed in, holding an access token that lives 15 s
        signInAs("ana");
        String first = heldAccessToken();
        Instant firstExpiry = expiry(first);
        assertThat(Duration.between(Instant.now(), firstExpiry)).isLessThanOrEqualTo(TestKeycloak.ACCESS_TOKEN_LIFESPAN);

        // When its lifetime passes with the console open
        await("the first token's expiry").atMost(TestKeycloak.ACCESS_TOKEN_LIFESPAN.multipliedBy(3))
                .until(() -> Instant.now().isAfter(firstExpiry.plusSeconds(1)));

        // Then the console holds a newer token, got with no login page on the way
        String second = heldAccessToken();
        assertThat(second).isNotEqualTo(first);
        assertThat(expiry(second)).isAfter(firstExpiry);
        assertThat(driver().getCurrentUrl()).startsWith(consoleUrl());
        assertThat(textOf(By.cssSelector(".connection"))).isEqualTo("Stream: live");

        // When the console is left until even that token has expired, then opened again
        driver().get("about:blank");
        Instant secondExpiry = expiry(second);
        await("the second token's expiry").atMost(TestKeycloak.ACCESS_TOKEN_LIFESPAN.multipliedBy(3))
                .until(() -> Instant.now().isAfter(secondExpiry.plusSeconds(1)));
        openConsole();

        // Then it renews the expired token with its refresh token and shows the board, no login page asked for
        awaitText(By.cssSelector(".connection"), "Stream: live");
        assertThat(driver().getCurrentUrl()).startsWith(consoleUrl());
        String third = heldAccessToken();
        assertThat(third).isNotEqualTo(second);
        assertThat(expiry(third)).isAfter(Instant.now());
        // and the services take the renewed token: her handoff of a lead
        String hers = emailsHandedTo("ana").get(0);
        HttpResponse<String> handoffs = HTTP.send(HttpRequest.newBuilder(URI.create(stack.url("handoff-service") + "/v1/handoffs?email="
                + URLEncoder.encode(hers, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + third).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(handoffs.statusCode()).as(handoffs.body()).isEqualTo(200);
        assertThat(JSON.readTree(handoffs.body()).findValuesAsText("assignee")).containsExactly("ana");
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakSoTheNextSignInAsksForThePasswordAgain() {
        // Given a rep signed in
        signInAs("ana");

        // When she signs out
        driver().findElement(By.id("sign-out")).click();

        // Then she is back on the console's sign-in, holding no token
        WebElement signIn = awaitElement(By.id("sign-in-provider"));
        assertThat(driver().getCurrentUrl()).startsWith(consoleUrl());
        assertThat(heldAccessToken()).isNull();

        // And signing in again shows Keycloak's login form: its session ended too (else it would sign her in at once)
        signIn.click();
        awaitElement(By.id("password"));
        assertThat(driver().getCurrentUrl()).startsWith(TestKeycloak.baseUrl());
    }

    private static void signInAs(String user) {
        openConsole();
        awaitElement(By.id("sign-in-provider")).click();
        logIn(user, TestKeycloak.PASSWORD);
        awaitText(By.cssSelector(".connection"), "Stream: live");
    }

    /** Fills Keycloak's login form. */
    private static void logIn(String user, String password) {
        awaitElement(By.id("username")).sendKeys(user);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.id("kc-login")).click();
    }

    private static void openConsole() {
        driver().get(consoleUrl());
    }

    private static String consoleUrl() {
        return stack.url("handoff-service") + "/console/";
    }

    /** The access token the console holds (oidc-client-ts keeps the user in sessionStorage), or null. */
    private static String heldAccessToken() {
        return (String) driver().executeScript("const key = Object.keys(sessionStorage).find(k => k.startsWith('oidc.user:'));"
                + "return key ? JSON.parse(sessionStorage.getItem(key)).access_token : null;");
    }

    private static Instant expiry(String jwt) throws Exception {
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        return Instant.ofEpochSecond(claims.get("exp").asLong());
    }

    private static List<String> emailsHandedTo(String rep) {
        return assignees.entrySet().stream().filter(entry -> entry.getValue().equals(rep)).map(Map.Entry::getKey).toList();
    }

    private List<String> emailsOnTheBoard() {
        return driver().findElements(By.cssSelector("article.card[data-email]")).stream().map(card -> card.getAttribute("data-email")).toList();
    }

    private static List<String> navigation() {
        return driver().findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    private static WebElement awaitElement(By locator) {
        return await("an element " + locator).atMost(Duration.ofSeconds(20))
                .until(() -> driver().findElements(locator).stream().findFirst().orElse(null), found -> found != null);
    }

    private static String awaitText(By locator, String part) {
        return await("text '" + part + "' in " + locator).atMost(Duration.ofSeconds(20))
                .until(() -> textOf(locator), text -> text != null && text.contains(part));
    }

    private static String textOf(By locator) {
        List<WebElement> found = driver().findElements(locator);
        try {
            return found.isEmpty() ? null : found.get(0).getText();
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    private static ChromeDriver driver() {
        return chromium.driver();
    }
}
