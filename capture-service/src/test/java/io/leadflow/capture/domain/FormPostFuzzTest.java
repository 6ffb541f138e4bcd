package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.leadflow.capture.OnTheWire;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An HTML form post, fuzzed without Quarkus: its fields decoded as the HTTP layer decodes a
 * URL-encoded body (UTF-8), then the size limit, the honeypot and the form mapper. Whatever the post,
 * it is refused with errors (a 400 or 413) or becomes an event that, written as the producer writes
 * it, meets the engagement schema; the mapper never throws (a 500).
 *
 * <p>An input is the Referer header (Latin-1, as HTTP headers are), a newline, then the body.
 * Every build replays the seeds and findings in {@code FormPostFuzzTestInputs}.
 */
class FormPostFuzzTest {

    private static final FormDefinition NEWSLETTER = FormDefinition.of("newsletter", "form.submitted", "/thanks.html",
            "email", "anonymous_id", List.of("first_name=firstName", "last_name=lastName", "company", "job_title=jobTitle"),
            List.of(), Optional.of("website"));

    private final FormMapper mapper = new FormMapper(OnTheWire.RULES, OnTheWire.CLOCK, () -> "generated-id");

    @Test
    void every_seed_is_captured() {
        for (byte[] seed : OnTheWire.seeds(getClass(), "aFormPostIsRefusedOrCapturedAsAValidEvent")) {
            Post post = Post.of(seed).orElseThrow();
            assertThat(mapper.map(NEWSLETTER, post.fields(), post.referer()).errors()).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aFormPostIsRefusedOrCapturedAsAValidEvent(byte[] input) throws Exception {
        Optional<Post> post = Post.of(input);
        if (post.isEmpty() || NEWSLETTER.caughtInHoneypot(post.get().fields())
                || CaptureLimits.oversizedForm(post.get().fields()).isPresent()) {
            return;
        }

        Validation validation = mapper.map(NEWSLETTER, post.get().fields(), post.get().referer());

        for (CapturedEvent event : OnTheWire.published(validation.events())) {
            OnTheWire.assertFitForTheTopic(event);
        }
    }

    /** A post as the resource receives it: its text fields by name, and the Referer when sent. */
    private record Post(Map<String, List<String>> fields, Optional<String> referer) {

        /** Empty for a body no HTTP layer decodes (a broken %-escape): it never reaches the mapper. */
        static Optional<Post> of(byte[] input) {
            int newline = indexOf(input, (byte) '\n');
            Optional<String> referer = newline <= 0 ? Optional.empty()
                    : Optional.of(new String(input, 0, newline, StandardCharsets.ISO_8859_1));
            String body = new String(Arrays.copyOfRange(input, newline + 1, input.length), StandardCharsets.ISO_8859_1);
            Map<String, List<String>> fields = new LinkedHashMap<>();
            try {
                for (String pair : body.split("&")) {
                    String[] nameAndValue = pair.split("=", 2);
                    fields.computeIfAbsent(decode(nameAndValue[0]), name -> new ArrayList<>())
                            .add(nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
                }
            } catch (IllegalArgumentException undecodable) {
                return Optional.empty();
            }
            return Optional.of(new Post(fields, referer));
        }

        private static String decode(String encoded) {
            // the body's bytes, %-escaped or not, read as UTF-8 (malformed sequences become U+FFFD)
            byte[] raw = encoded.getBytes(StandardCharsets.ISO_8859_1);
            return URLDecoder.decode(new String(raw, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }

        private static int indexOf(byte[] bytes, byte wanted) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == wanted) {
                    return i;
                }
            }
            return -1;
        }
    }
}
