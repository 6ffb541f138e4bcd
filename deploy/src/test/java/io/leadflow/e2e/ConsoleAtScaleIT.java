package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.localinfra.DevTokens;
import io.leadflow.testsupport.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How fast each console view renders in a real browser on a stack that holds many leads (issue 10: under a
 * second with 100,000 leads). A measurement, not part of the build: it runs only when pointed at a running
 * stack, for instance the local stack after {@code deploy/bench/run} filled it (docs/console.md gives the
 * command). Each view is loaded afresh five times, from the page load until the view shows its data; the lead
 * page is the busiest lead's (the most events). It prints the figures and fails only if a view shows an error
 * or never shows its data.
 */
@EnabledIfSystemProperty(named = "leadflow.console.at-scale", matches = "https?://.+")
class ConsoleAtScaleIT {

    private static final int LOADS = 5;
    private static final Duration READY_AT_MOST = Duration.ofSeconds(30);

    private final String console = System.getProperty("leadflow.console.at-scale");
    private final String scoringDatabase = System.getProperty("leadflow.console.at-scale.db",
            "jdbc:postgresql://127.0.0.1:5432/leadflow?currentSchema=scoring");

    @Test
    void eachViewShowsItsDataOnALargeStore() throws Exception {
        String busiest = busiestLead();
        System.out.printf("console at scale: %s leads, the busiest (%s) with %s events%n", count("select count(*) from lead"),
                busiest, count("select count(*) from lead_event join lead on lead.id = lead_event.lead_id where lead.email = '"
                        + busiest.replace("'", "''") + "'"));
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver driver = chromium.driver();
            signIn(driver);
            Map<String, BooleanSupplier> views = new LinkedHashMap<>();
            views.put("board", () -> text(driver, ".connection").contains("Stream: live"));
            views.put("lead?email=" + URLEncoder.encode(busiest, StandardCharsets.UTF_8), () -> present(driver, "#lead-score"));
            views.put("model", () -> !present(driver, "main .loading"));
            views.put("funnel", () -> present(driver, "#funnel-flow table"));
            views.put("reports", () -> text(driver, "#sla-title + p").contains("handoffs:"));
            views.put("routing", () -> text(driver, "#routing-version").contains("in force"));
            views.put("ops", () -> driver.findElements(By.cssSelector(".health-up")).size() == 3);
            for (Map.Entry<String, BooleanSupplier> view : views.entrySet()) {
                List<Long> millis = new ArrayList<>();
                for (int load = 0; load < LOADS; load++) {
                    millis.add(timeToData(driver, view.getKey(), view.getValue()));
                }
                Collections.sort(millis);
                System.out.printf("console view %-8s shows its data in %s ms (median %d ms, slowest %d ms)%n",
                        view.getKey().replaceAll("\\?.*", ""), millis, millis.get(LOADS / 2), millis.get(LOADS - 1));
            }
        }
    }

    private void signIn(ChromeDriver driver) {
        driver.get(console + "/console/");
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        await().atMost(READY_AT_MOST).until(() -> present(driver, "#token"));
        driver.findElement(By.id("token")).sendKeys(DevTokens.sign("at-scale-admin", List.of("admin"), DevTokens.ISSUER,
                Duration.ofHours(1), Instant.now()));
        driver.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
        await().atMost(READY_AT_MOST).until(() -> present(driver, "#nav a"));
    }

    /** Milliseconds from a fresh page load of the view until it shows its data. */
    private long timeToData(ChromeDriver driver, String view, BooleanSupplier ready) {
        driver.get(console + "/console/#/" + view);
        long started = System.nanoTime();
        driver.navigate().refresh();
        await(view).atMost(READY_AT_MOST).pollInterval(Duration.ofMillis(10)).until(ready::getAsBoolean);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(driver.findElements(By.cssSelector("main [role=alert]")).stream().map(WebElement::getText)
                .filter(message -> !message.isBlank())).as("errors shown by " + view).isEmpty();
        return millis;
    }

    private String busiestLead() throws SQLException {
        try (Connection db = DriverManager.getConnection(scoringDatabase, "postgres", "");
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery("select lead.email from lead_event join lead on lead.id = lead_event.lead_id"
                        + " where lead.email is not null group by lead.email order by count(*) desc limit 1")) {
            assertThat(row.next()).as("a lead with an email in " + scoringDatabase).isTrue();
            return row.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(scoringDatabase, "postgres", "");
                Statement query = db.createStatement();
                ResultSet row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean present(ChromeDriver driver, String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    private static String text(ChromeDriver driver, String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }
}
