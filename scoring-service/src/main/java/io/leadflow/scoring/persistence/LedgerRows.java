package io.leadflow.scoring.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.LedgerEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the ledger rows a statement answered as one JSON text: an array of rows, each an array of lead id, event id,
 * type, rule, points, reason, time (microseconds since the epoch: no text to parse), half-life in seconds (or null),
 * model version and weight. Streamed token by token: a batch's ledgers are read without a map or a tree per row.
 */
final class LedgerRows {

    private LedgerRows() {
    }

    /** The entries per lead, in the order the rows came. */
    static Map<UUID, List<LedgerEntry>> byLead(ObjectMapper json, String rows) {
        Map<UUID, List<LedgerEntry>> byLead = new LinkedHashMap<>();
        try (JsonParser parser = json.getFactory().createParser(rows)) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            UUID lead = null;
            List<LedgerEntry> entries = null;
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                UUID rowLead = UUID.fromString(text(parser));
                if (!rowLead.equals(lead)) {
                    lead = rowLead;
                    entries = byLead.computeIfAbsent(lead, first -> new ArrayList<>());
                }
                entries.add(entry(parser));
                expect(parser.nextToken(), JsonToken.END_ARRAY);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ledger rows", e);
        }
        return byLead;
    }

    private static LedgerEntry entry(JsonParser parser) throws IOException {
        String eventId = text(parser);
        String typeName = text(parser);
        EngagementType type = EngagementType.fromWireName(typeName)
                .orElseThrow(() -> new IllegalStateException("unknown engagement type in the ledger: " + typeName));
        String rule = text(parser);
        int points = number(parser).intValue();
        String reason = text(parser);
        Instant occurredAt = EpochMicros.instant(number(parser).longValue());
        Number halfLifeSeconds = parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getNumberValue();
        int modelVersion = number(parser).intValue();
        double weight = number(parser).doubleValue();
        return new LedgerEntry(eventId, type, rule, points, reason, occurredAt,
                halfLifeSeconds == null ? null : Duration.ofSeconds(halfLifeSeconds.longValue()), modelVersion, weight);
    }

    private static String text(JsonParser parser) throws IOException {
        expect(parser.nextToken(), JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static Number number(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalStateException("a ledger row holds " + token + " where a number belongs");
        }
        return parser.getNumberValue();
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("a ledger row holds " + token + " where " + expected + " belongs");
        }
    }
}
