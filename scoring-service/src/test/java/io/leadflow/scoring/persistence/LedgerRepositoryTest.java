package io.leadflow.scoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.events.EngagementType;
import io.leadflow.scoring.domain.LedgerEntry;
import io.leadflow.scoring.domain.LedgerNeed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger's reads: what was appended comes back whole, in the ledger's order, and a need reads only its part. */
@QuarkusTest
class LedgerRepositoryTest {

    // to the microsecond, as PostgreSQL keeps a time
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofHours(3));

    @Inject
    LedgerRepository ledger;

    @Inject
    Pool pool;

    private final UUID hot = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();
    private final UUID without = UUID.randomUUID();

    private final LedgerEntry opened = new LedgerEntry("e-1", EngagementType.EMAIL_OPENED, "email-open", 2, "opened an email",
            T0.plusNanos(123_456_000), Duration.ofDays(30), 4, 1.0);
    private final LedgerEntry capped = new LedgerEntry("e-2", EngagementType.PAGE_VIEWED, "page-views", 1, "viewed /pricing",
            T0.plus(Duration.ofHours(1)), null, 4, 0.35);
    private final LedgerEntry demo = new LedgerEntry("e-3", EngagementType.DEMO_REQUESTED, "demo", 40, "requested a demo",
            T0.plus(Duration.ofHours(2)), Duration.ofDays(90), 5, 1.0);
    private final LedgerEntry other = new LedgerEntry("e-4", EngagementType.FORM_SUBMITTED, "form", 10, "submitted contact-us",
            T0.plus(Duration.ofMinutes(30)), null, 4, 1.0);

    @AfterEach
    void eraseTheirLedgers() {
        inTransaction(() -> ledger.erase(List.of(hot, quiet, without)));
    }

    @Test
    void theLedgersOfSeveralLeadsComeBackAsAppendedEachOldestFirst() {
        // appended out of time order, with no half-life and a fractional weight among them
        inTransaction(() -> ledger.append(Map.of(hot, List.of(demo, opened, capped), quiet, List.of(other)), Instant.now()));

        Map<UUID, List<LedgerEntry>> read = inTransaction(() -> ledger.entriesOf(List.of(hot, quiet, without)));

        assertThat(read).containsOnlyKeys(hot, quiet);
        assertThat(read.get(hot)).containsExactly(opened, capped, demo);
        assertThat(read.get(quiet)).containsExactly(other);
        assertThat(inTransaction(() -> ledger.entriesOf(hot))).containsExactly(opened, capped, demo);
        assertThat(inTransaction(() -> ledger.entriesOf(without))).isEmpty();
    }

    @Test
    void aNeedReadsTheEntriesAfterItsMomentAndACappedRulesEntriesInsideItsWindow() {
        inTransaction(() -> ledger.append(Map.of(hot, List.of(opened, capped, demo), quiet, List.of(other)), Instant.now()));

        // counting from 90 minutes on: the demo after it; the capped page views from 2 hours back; the email open,
        // uncapped and before, is not read, nor is the other lead's form before the moment
        LedgerNeed need = new LedgerNeed(T0.plus(Duration.ofMinutes(90)), Map.of("page-views", T0.plus(Duration.ofMinutes(59))));
        Map<UUID, List<LedgerEntry>> read = inTransaction(() -> ledger.entriesOf(List.of(hot, quiet), need));

        assertThat(read).containsOnlyKeys(hot);
        assertThat(read.get(hot)).containsExactly(capped, demo);

        // a cap window that ends after the capped entry leaves it out
        LedgerNeed later = new LedgerNeed(T0.plus(Duration.ofMinutes(90)), Map.of("page-views", T0.plus(Duration.ofMinutes(61))));
        assertThat(inTransaction(() -> ledger.entriesOf(List.of(hot), later)).get(hot)).containsExactly(demo);
    }

    @Test
    void aRowOfATypeThisVersionDoesNotKnowIsAnErrorNotAGuess() {
        inTransaction(() -> ledger.append(Map.of(hot, List.of(opened)), Instant.now()));
        pool.preparedQuery("update score_entry set type = 'fax.received' where lead_id = $1").execute(Tuple.of(hot)).await().indefinitely();

        assertThatThrownBy(() -> inTransaction(() -> ledger.entriesOf(List.of(hot))))
                .hasMessageContaining("unknown engagement type in the ledger: fax.received");
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
