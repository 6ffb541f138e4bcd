package io.leadflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the browser console's files promise, checked on the files themselves: the page runs under a
 * CSP without 'unsafe-inline' or 'unsafe-eval' (nothing inline, no eval), captured text never goes
 * through an HTML parser, every module it imports exists, and its text colours keep a contrast of
 * 4.5:1 on their backgrounds. Not a browser test: ConsoleEndToEndIT (deploy) drives it in Chromium.
 */
class ConsoleFilesTest {

    private static final Path ROOT = Path.of("src/main/resources/META-INF/resources/console");
    private static final Pattern IMPORT = Pattern.compile("(?:from\\s+|import\\()\\s*'(\\.{1,2}/[^']+)'");
    private static final Pattern COLOUR = Pattern.compile("--([a-z]+):\\s*#([0-9a-fA-F]{6});");

    @Test
    void the_page_holds_no_inline_script_handler_or_style() throws IOException {
        String page = Files.readString(ROOT.resolve("index.html"));

        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find()).as("a script without src").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find()).as("an on* handler").isFalse();
        assertThat(page).doesNotContain("style=").doesNotContain("<style");
        assertThat(page).contains("<script type=\"module\" src=\"app.js\"></script>", "<html lang=\"en\">");
    }

    @Test
    void theVendoredOidcClientIsNpmsBrowserBuildUnchangedWithItsLicences() throws Exception {
        Path vendor = ROOT.resolve("vendor");
        byte[] library = Files.readAllBytes(vendor.resolve("oidc-client-ts.min.js"));

        // oidc-client-ts 3.5.0's dist/browser/oidc-client-ts.min.js, as vendor/README.md says
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(library)))
                .isEqualTo("f999daa383f09eb090d0ae32211e9ca931c76840e08e47fcf334fc8f5f74f1ef");
        assertThat(Files.readString(vendor.resolve("README.md"))).contains("f999daa383f09eb090d0ae32211e9ca931c76840e08e47fcf334fc8f5f74f1ef");
        assertThat(Files.readString(vendor.resolve("oidc-client-ts.LICENSE"))).contains("Apache License", "Version 2.0");
        assertThat(Files.readString(vendor.resolve("jwt-decode.LICENSE"))).contains("The MIT License");
        // loaded as a classic script before the console's modules, which read its global
        assertThat(Files.readString(ROOT.resolve("index.html")))
                .containsSubsequence("<script src=\"vendor/oidc-client-ts.min.js\" defer></script>", "<script type=\"module\" src=\"app.js\">");
    }

    @Test
    void no_module_parses_html_or_evaluates_text() {
        Map<Path, String> modules = modules();
        assertThat(modules).hasSizeGreaterThan(10);
        modules.forEach((file, source) -> assertThat(source).as(file.toString())
                .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                        "setAttribute('style'", "DOMParser", "createContextualFragment"));
    }

    @Test
    void every_imported_module_exists() {
        modules().forEach((file, source) -> {
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                assertThat(file.getParent().resolve(imports.group(1)).normalize()).as(file + " imports " + imports.group(1)).exists();
            }
        });
    }

    @Test
    void text_colours_keep_a_contrast_of_at_least_4_5_to_1_on_white_and_on_the_panel() throws IOException {
        Map<String, String> colours = colours(Files.readString(ROOT.resolve("console.css")));
        assertThat(colours).containsKeys("text", "muted", "accent", "error", "ok", "panel");

        for (String text : List.of("text", "muted", "accent", "error", "ok")) {
            assertThat(contrast(colours.get(text), "ffffff")).as(text + " on white").isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(colours.get(text), colours.get("panel"))).as(text + " on the panel").isGreaterThanOrEqualTo(4.5);
        }
        // the primary buttons: white text on the accent colour
        assertThat(contrast("ffffff", colours.get("accent"))).isGreaterThanOrEqualTo(4.5);
    }

    private static Map<Path, String> modules() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".js")).collect(Collectors.toMap(file -> file, ConsoleFilesTest::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> colours(String css) {
        Matcher declared = COLOUR.matcher(css);
        Map<String, String> colours = new java.util.HashMap<>();
        while (declared.find()) {
            colours.put(declared.group(1), declared.group(2));
        }
        return colours;
    }

    /** WCAG 2's contrast ratio of two sRGB colours written as six hex digits. */
    static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) / 255.0;
            sum += weights[i] * (channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}
