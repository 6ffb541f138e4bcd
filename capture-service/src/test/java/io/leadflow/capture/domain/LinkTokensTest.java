package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final String OLD = "an-older-secret-of-at-least-32-bytes!!";
    private static final String NEW = "the-newest-secret-of-at-least-32-bytes!";
    private static final EmailLink CLICK = new EmailLink("ada@example.com", Optional.of("autumn launch"),
            Optional.of("https://example.com/pricing?utm_source=mail&x=a.b"));

    private final LinkTokens tokens = new LinkTokens(List.of(NEW, OLD));

    @Test
    void a_signed_token_gives_back_its_link() {
        String token = tokens.sign(CLICK);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(tokens.verify(token)).contains(CLICK);
        EmailLink open = new EmailLink("ada@example.com", Optional.empty(), Optional.empty());
        assertThat(tokens.verify(tokens.sign(open))).contains(open);
    }

    @Test
    void a_token_signed_by_an_older_secret_still_verifies_but_not_one_signed_by_a_stranger() {
        assertThat(tokens.verify(new LinkTokens(List.of(OLD)).sign(CLICK))).contains(CLICK);
        assertThat(tokens.verify(new LinkTokens(List.of("a-strangers-secret-of-at-least-32-bytes")).sign(CLICK))).isEmpty();
    }

    @Test
    void any_change_to_a_token_is_refused() {
        String token = tokens.sign(CLICK);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherTarget = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("example.com", "evil.example").getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify(otherTarget + "." + signature)).isEmpty();
        assertThat(tokens.verify(payload + "." + flipFirst(signature))).isEmpty();
        assertThat(tokens.verify(flipFirst(payload) + "." + signature)).isEmpty();
        assertThat(tokens.verify(payload)).isEmpty();
        assertThat(tokens.verify(payload + "." + signature + ".x")).isEmpty();
        assertThat(tokens.verify("not base64!.sig")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void short_secrets_are_refused() {
        assertThatThrownBy(() -> new LinkTokens(List.of("short"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkTokens(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Changes the first character: every bit of it is data (the last may hold unused bits). */
    private static String flipFirst(String text) {
        return (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
    }
}
