package io.leadflow.capture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.events.EngagementCaptured;
import io.leadflow.events.EngagementType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotClassifierTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private final BotClassifier classifier = new BotClassifier();

    @Test
    void people_in_browsers_and_servers_relaying_forms_are_not_flagged() {
        assertThat(classifier.reason(EngagementType.PAGE_VIEWED, CHROME, "203.0.113.9")).isEmpty();
        assertThat(classifier.reason(EngagementType.EMAIL_OPENED, CHROME, null)).isEmpty();
        assertThat(classifier.reason(EngagementType.FORM_SUBMITTED, "curl/8.5.0", null)).isEmpty();
        assertThat(classifier.reason(EngagementType.DEMO_REQUESTED, "Java-http-client/17.0.13", null)).isEmpty();
        assertThat(classifier.reason(EngagementType.PAGE_VIEWED, null, null)).isEmpty();
    }

    @Test
    void known_bots_are_flagged_by_user_agent() {
        assertThat(classifier.reason(EngagementType.PAGE_VIEWED,
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null)).contains(BotClassifier.USER_AGENT);
        assertThat(classifier.reason(EngagementType.PAGE_VIEWED,
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0", null)).contains(BotClassifier.USER_AGENT);
        assertThat(classifier.reason(EngagementType.PAGE_VIEWED, "facebookexternalhit/1.1", null)).contains(BotClassifier.USER_AGENT);
    }

    @Test
    void email_security_scanners_are_flagged_as_such() {
        assertThat(classifier.reason(EngagementType.EMAIL_CLICKED, "Mozilla/5.0 Barracuda Sentinel", null))
                .contains(BotClassifier.EMAIL_SCANNER);
        assertThat(classifier.reason(EngagementType.EMAIL_OPENED, "Mimecast-URL-Protect/1.0", null))
                .contains(BotClassifier.EMAIL_SCANNER);
    }

    @Test
    void apple_mail_privacy_protection_opens_are_flagged_but_only_opens() {
        assertThat(classifier.reason(EngagementType.EMAIL_OPENED, "Mozilla/5.0", null)).contains(BotClassifier.APPLE_MAIL_PRIVACY);
        assertThat(classifier.reason(EngagementType.EMAIL_OPENED, CHROME, "17.58.63.12")).contains(BotClassifier.APPLE_MAIL_PRIVACY);
        assertThat(classifier.reason(EngagementType.EMAIL_CLICKED, "Mozilla/5.0", "17.58.63.12")).isEmpty();
    }

    @Test
    void a_flagged_event_is_kept_whole_with_its_reason() {
        CapturedEvent open = new CapturedEvent("e-1", new EngagementCaptured("ada@example.com", EngagementType.EMAIL_OPENED,
                "ada@example.com", null, Instant.EPOCH, "api", Map.of("campaign", "c"), Map.of(), false, null));

        List<OutgoingEvent> classified = classifier.classifyAll(List.of(open), "Mozilla/5.0", null);

        CapturedEvent flagged = (CapturedEvent) classified.get(0);
        assertThat(flagged.id()).isEqualTo("e-1");
        assertThat(flagged.data().bot()).isTrue();
        assertThat(flagged.data().botReason()).isEqualTo(BotClassifier.APPLE_MAIL_PRIVACY);
        assertThat(flagged.data().properties()).isEqualTo(open.data().properties());
        assertThat(classifier.classify(open, null, null)).isSameAs(open);
        assertThat(Optional.of(flagged.data().type())).contains(EngagementType.EMAIL_OPENED);
    }
}
