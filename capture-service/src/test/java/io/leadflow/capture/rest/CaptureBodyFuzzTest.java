package io.leadflow.capture.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.leadflow.capture.OnTheWire;
import io.leadflow.capture.domain.BotClassifier;
import io.leadflow.capture.domain.CaptureLimits;
import io.leadflow.capture.domain.CapturedEvent;
import io.leadflow.capture.domain.EventValidator;
import io.leadflow.capture.domain.OutgoingEvent;
import io.leadflow.capture.domain.PublicKeyScope;
import io.leadflow.capture.domain.SegmentEventNames;
import io.leadflow.capture.domain.SegmentMapper;
import io.leadflow.capture.domain.SegmentMapper.MessageType;
import io.leadflow.capture.domain.SegmentMessages;
import io.leadflow.capture.domain.Validation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every JSON body of the capture API goes through, fuzzed without Quarkus: the parser, the size
 * limit, then the native validator or the Segment mapper. Whatever the bytes, a body is refused the
 * way a 400 or 413 is ({@link MalformedRequestException}, errors, oversized events, text that cannot be
 * stored), never with another exception (a 500), and whatever is accepted, written as the producer writes
 * it, meets its type's schema and can be stored: no invalid record reaches the topic.
 *
 * <p>Every build replays the seeds and findings in {@code CaptureBodyFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes for real (docs/security.md, "Fuzzing").
 */
class CaptureBodyFuzzTest {

    /** The Segment endpoints, picked by a body's first byte: track, page, identify, then batch. */
    private static final List<Optional<MessageType>> SEGMENT_ENDPOINTS = List.of(Optional.of(MessageType.TRACK),
            Optional.of(MessageType.PAGE), Optional.of(MessageType.IDENTIFY), Optional.empty());

    private final EventsRequestParser parser = new EventsRequestParser(OnTheWire.JSON);
    private final EventValidator validator = new EventValidator(OnTheWire.RULES, OnTheWire.CLOCK, () -> "generated-id",
            SegmentEventNames.builtIn());
    private final SegmentMapper segment = new SegmentMapper(OnTheWire.RULES, OnTheWire.CLOCK, () -> "generated-id",
            new BotClassifier(), SegmentEventNames.builtIn());

    @Test
    void every_seed_is_captured() throws Exception {
        for (byte[] seed : OnTheWire.seeds(getClass(), "aNativeBodyIsRefusedOrCapturedAsValidEvents")) {
            assertThat(validator.validate(parser.parse(seed).events()).errors()).isEmpty();
        }
        List<byte[]> segmentSeeds = OnTheWire.seeds(getClass(), "aSegmentBodyIsRefusedOrCapturedAsValidEvents");
        // one per endpoint, each a valid message
        assertThat(segmentSeeds).hasSize(SEGMENT_ENDPOINTS.size());
        for (byte[] seed : segmentSeeds) {
            Optional<MessageType> implied = SEGMENT_ENDPOINTS.get(Byte.toUnsignedInt(seed[0]) % SEGMENT_ENDPOINTS.size());
            assertThat(segment.map(parser.parseSegment(Arrays.copyOfRange(seed, 1, seed.length), implied).events(), implied)
                    .errors()).as(new String(seed)).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aNativeBodyIsRefusedOrCapturedAsValidEvents(byte[] body) throws Exception {
        ParsedRequest parsed;
        try {
            parsed = parser.parse(body);
        } catch (MalformedRequestException refused) {
            return;
        }
        if (!CaptureLimits.oversizedEvents(parsed.events()).isEmpty()) {
            return;
        }

        boolean publicKeyMay = PublicKeyScope.nativeEvents(parsed.events(), SegmentEventNames.builtIn()).isEmpty();
        Validation validation = validator.validate(parsed.events());

        for (CapturedEvent event : OnTheWire.published(validation.events())) {
            OnTheWire.assertFitForTheTopic(event);
        }
        if (publicKeyMay) {
            validation.events().forEach(CaptureBodyFuzzTest::assertAnonymousBrowserEngagement);
        }
    }

    /** What a public key got through is anonymous browser engagement, however its body was written. */
    private static void assertAnonymousBrowserEngagement(OutgoingEvent outgoing) {
        assertThat(outgoing).isInstanceOf(CapturedEvent.class);
        CapturedEvent event = (CapturedEvent) outgoing;
        assertThat(event.data().email()).isNull();
        assertThat(event.data().traits()).isEmpty();
        assertThat(PublicKeyScope.BROWSER_TYPES).contains(event.data().type());
    }

    @FuzzTest(maxDuration = "60s")
    void aSegmentBodyIsRefusedOrCapturedAsValidEvents(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        Optional<MessageType> implied = SEGMENT_ENDPOINTS.get(Byte.toUnsignedInt(input[0]) % SEGMENT_ENDPOINTS.size());
        ParsedRequest parsed;
        try {
            parsed = parser.parseSegment(Arrays.copyOfRange(input, 1, input.length), implied);
        } catch (MalformedRequestException refused) {
            return;
        }
        boolean identifies = SegmentMapper.identifies(parsed.events(), implied);
        if (!CaptureLimits.oversizedEvents(parsed.events()).isEmpty()) {
            return;
        }
        boolean publicKeyMay = !identifies && PublicKeyScope.segmentMessages(parsed.events(), implied, SegmentEventNames.builtIn()).isEmpty();

        SegmentMessages messages = segment.map(parsed.events(), implied);

        for (OutgoingEvent event : OnTheWire.published(messages.events())) {
            OnTheWire.assertFitForTheTopic(event);
        }
        if (publicKeyMay) {
            messages.events().forEach(CaptureBodyFuzzTest::assertAnonymousBrowserEngagement);
        }
    }
}
