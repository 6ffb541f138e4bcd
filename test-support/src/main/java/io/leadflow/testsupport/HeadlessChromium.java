package io.leadflow.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver with a fresh profile, at a
 * laptop's window size: the browser of capture-service's {@code BrowserTest} and deploy's console
 * tests. {@link #start()} fails, saying how to install it, where it is missing; a browser test is
 * never skipped silently. Closing it quits the browser and ends, by process id, whatever of it is left.
 * Its users add {@code org.seleniumhq.selenium:selenium-chrome-driver} in test scope.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** {@code -Dleadflow.browser-tests=skip} skips the browser tests where Chromium is missing, reporting them skipped. */
    public static final String OPT_OUT = "leadflow.browser-tests";
    static final String INSTALL = "apt-get install chromium chromium-driver";

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium() throws IOException {
        this.profile = Files.createTempDirectory("leadflow-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                // the flags that work as root without a display, GPU or network services beyond the test's own
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    /**
     * A started browser. Where Chromium or chromedriver is missing it throws, naming the Debian
     * packages to install; with {@code -Dleadflow.browser-tests=skip} it aborts the test instead, so
     * the report counts it skipped, and says so on the console.
     */
    public static HeadlessChromium start() throws IOException {
        requireInstalled(installed(), System.getProperty(OPT_OUT));
        return new HeadlessChromium();
    }

    /** Whether both Debian packages are installed. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static void requireInstalled(boolean installed, String optOut) {
        if (installed) {
            return;
        }
        String missing = "the browser tests need Debian's Chromium and ChromeDriver (" + BROWSER + ", " + DRIVER + "): " + INSTALL;
        if ("skip".equals(optOut)) {
            System.err.println("WARNING: SKIPPING a browser test (-D" + OPT_OUT + "=skip): " + missing);
            Assumptions.abort("-D" + OPT_OUT + "=skip and " + missing);
        }
        throw new IllegalStateException(missing + " (or run with -D" + OPT_OUT + "=skip to skip them, counted as skipped)");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page (up to 3,000 px high) as a PNG file: the window grows to it for the shot. */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height + 140, window.getHeight()), 3000)));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The processes of this browser still running: chromedriver's and those using this profile. */
    public List<ProcessHandle> leftOver() {
        String marker = profile.toString();
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .filter(command -> command.contains(marker) || command.startsWith(DRIVER.toString())).isPresent())
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            // quit() can leave a renderer or the zygote behind; end them by id, children first
            List<ProcessHandle> left = leftOver();
            left.stream().flatMap(ProcessHandle::descendants).forEach(ProcessHandle::destroyForcibly);
            left.forEach(ProcessHandle::destroyForcibly);
            left.forEach(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(failure -> process).join());
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
