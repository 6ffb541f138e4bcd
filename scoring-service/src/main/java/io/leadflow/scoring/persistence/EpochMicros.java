package io.leadflow.scoring.persistence;

import java.time.Instant;

/**
 * Times read as microseconds since the epoch, PostgreSQL's own precision, where rows come back as JSON: a number each,
 * where a timestamp's text would have to be parsed (for ledger rows that cost more than reading the rest of the row).
 */
final class EpochMicros {

    private EpochMicros() {
    }

    /** The SQL expression of a timestamptz {@code column} (or expression) in microseconds since the epoch. */
    static String of(String column) {
        return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
