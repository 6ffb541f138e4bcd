package io.leadflow.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private final RoundRobin roundRobin = new RoundRobin(List.of("ana", "ben", "cleo"));

    @Test
    void dealsToEachRepInTurnAndStartsOverAfterTheLast() {
        // Given a fresh cursor
        long cursor = 0;
        List<String> dealt = new ArrayList<>();

        // When five leads are dealt, each storing the cursor it was given
        for (int i = 0; i < 5; i++) {
            RoundRobin.Turn turn = roundRobin.next(cursor);
            dealt.add(turn.rep());
            cursor = turn.nextCursor();
        }

        // Then
        assertThat(dealt).containsExactly("ana", "ben", "cleo", "ana", "ben");
        assertThat(cursor).isEqualTo(5);
    }

    @Test
    void resumesFromAStoredCursor() {
        // Given a queue that dealt seven leads before a restart
        // When the next lead is dealt
        RoundRobin.Turn turn = roundRobin.next(7);

        // Then it goes to the rep after the seventh's, and the cursor moves by one
        assertThat(turn.rep()).isEqualTo("ben");
        assertThat(turn.nextCursor()).isEqualTo(8);
    }

    @Test
    void aCursorBeyondTheIntRangeStillPicksAValidRep() {
        assertThat(roundRobin.next(Integer.MAX_VALUE * 3L + 2).rep()).isEqualTo("cleo");
    }

    @Test
    void refusesNoRepsBlankRepsAndNegativeCursors() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoundRobin(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoundRobin(Arrays.asList("ana", " ")));
        assertThatIllegalArgumentException().isThrownBy(() -> roundRobin.next(-1));
    }
}
