package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Weights, availability (working hours, out of office) and capacity decide whose turn it is. */
class WeightedRoundRobinTest {

    private static final Predicate<String> EVERYONE = rep -> true;

    @Test
    void aRepWithTwiceTheWeightGetsTwiceTheLeadsSpreadOut() {
        // Given a queue where ana weighs 2 and ben and cleo 1
        WeightedRoundRobin queue = new WeightedRoundRobin(queue(null, member("ana", 2), member("ben", 1), member("cleo", 1)));

        // When eight leads are dealt from a fresh cursor
        List<String> dealt = deal(queue, 0, 8, EVERYONE);

        // Then
        assertThat(dealt).containsExactly("ana", "ben", "cleo", "ana", "ana", "ben", "cleo", "ana");
    }

    @Test
    void resumesFromAStoredCursorSoTheTurnSurvivesRestarts() {
        WeightedRoundRobin queue = new WeightedRoundRobin(queue(null, member("ana", 1), member("ben", 1), member("cleo", 1)));

        WeightedRoundRobin.Turn turn = queue.next(7, EVERYONE);

        assertThat(turn).isEqualTo(new WeightedRoundRobin.Turn("ben", 8, false));
        assertThat(queue.next(Integer.MAX_VALUE * 3L + 2, EVERYONE).rep()).as("a cursor past the int range").isEqualTo("cleo");
    }

    @Test
    void skipsARepWhoCannotTakeTheLeadAndMovesTheCursorPastThem() {
        // Given ben, whose turn it is, cannot take a lead
        WeightedRoundRobin queue = new WeightedRoundRobin(queue(null, member("ana", 1), member("ben", 1), member("cleo", 1)));

        // When the lead is dealt
        WeightedRoundRobin.Turn turn = queue.next(1, rep -> !rep.equals("ben"));

        // Then cleo gets it and the next turn is ana's
        assertThat(turn).isEqualTo(new WeightedRoundRobin.Turn("cleo", 3, false));
    }

    @Test
    void whenNobodyCanTakeTheLeadTheManagerGetsIt() {
        WeightedRoundRobin managed = new WeightedRoundRobin(queue("mia", member("ana", 1), member("ben", 1)));
        WeightedRoundRobin unmanaged = new WeightedRoundRobin(queue(null, member("ana", 1), member("ben", 1)));

        assertThat(managed.next(4, rep -> false)).isEqualTo(new WeightedRoundRobin.Turn("mia", 5, true));
        assertThat(unmanaged.next(5, rep -> false)).as("no manager: the rep whose turn it is")
                .isEqualTo(new WeightedRoundRobin.Turn("ben", 6, true));
    }

    @Test
    void repsOutsideTheirWorkingHoursInTheirOwnTimeZoneOrOutOfOfficeAreSkipped() {
        // Given a London rep, a New York rep and a rep on leave, on a Monday at 10:00 UTC
        WorkingHours londonDays = new WorkingHours(ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.of(17, 0), null);
        WorkingHours newYorkDays = new WorkingHours(ZoneId.of("America/New_York"), LocalTime.of(9, 0), LocalTime.of(17, 0), null);
        Instant mondayMorningUtc = Instant.parse("2026-11-23T10:00:00Z");
        SalesRep ana = new SalesRep("ana", null, londonDays, List.of(), null);
        SalesRep ben = new SalesRep("ben", null, newYorkDays, List.of(), null);
        SalesRep cleo = new SalesRep("cleo", null, null,
                List.of(new Absence(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z"))), null);

        // Then only the London rep is available: New York is at 05:00, cleo is away until Tuesday
        assertThat(ana.canTake(mondayMorningUtc, 0)).isTrue();
        assertThat(ben.canTake(mondayMorningUtc, 0)).isFalse();
        assertThat(cleo.canTake(mondayMorningUtc, 0)).isFalse();
        assertThat(ben.canTake(Instant.parse("2026-11-23T14:00:00Z"), 0)).as("09:00 in New York").isTrue();
        assertThat(cleo.canTake(Instant.parse("2026-11-24T00:00:00Z"), 0)).as("back on Tuesday").isTrue();
        assertThat(ana.canTake(Instant.parse("2026-11-22T10:00:00Z"), 0)).as("Sunday").isFalse();
        WorkingHours weekendShift = new WorkingHours(ZoneId.of("UTC"), LocalTime.MIN, LocalTime.of(23, 59), Set.of(DayOfWeek.SUNDAY));
        assertThat(new SalesRep("sam", null, weekendShift, List.of(), null).canTake(Instant.parse("2026-11-22T10:00:00Z"), 0)).isTrue();
    }

    @Test
    void aRepAtTheirCapacityCapIsSkipped() {
        // Given ana holds 3 open handoffs, her cap, and ben 1 of his 5
        SalesRep ana = new SalesRep("ana", null, null, List.of(), 3);
        SalesRep ben = new SalesRep("ben", null, null, List.of(), 5);
        Map<String, Long> open = Map.of("ana", 3L, "ben", 1L);
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        WeightedRoundRobin queue = new WeightedRoundRobin(queue(null, member("ana", 1), member("ben", 1)));

        // When it is ana's turn
        WeightedRoundRobin.Turn turn = queue.next(0, rep -> (rep.equals("ana") ? ana : ben).canTake(now, open.get(rep)));

        // Then ben gets the lead
        assertThat(turn.rep()).isEqualTo("ben");
        assertThat(ana.canTake(now, 2)).as("below the cap").isTrue();
    }

    @Test
    void refusesAQueueWithoutMembersAndANegativeCursor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WeightedRoundRobin(queue(null)));
        assertThatIllegalArgumentException().isThrownBy(() -> new WeightedRoundRobin(queue(null, member("ana", 1))).next(-1, EVERYONE));
    }

    private static List<String> deal(WeightedRoundRobin queue, long cursor, int leads, Predicate<String> canTake) {
        List<String> dealt = new ArrayList<>();
        long position = cursor;
        for (int i = 0; i < leads; i++) {
            WeightedRoundRobin.Turn turn = queue.next(position, canTake);
            dealt.add(turn.rep());
            position = turn.nextCursor();
        }
        return dealt;
    }

    private static QueueMember member(String rep, int weight) {
        return new QueueMember(rep, weight);
    }

    private static SalesQueue queue(String manager, QueueMember... members) {
        return new SalesQueue("q", List.of(members), manager, null);
    }
}
