package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void cutsInOrderIntoBatchesOfAtMostTheLimit() {
        List<Integer> items = IntStream.range(0, 250).boxed().toList();

        List<List<Integer>> batches = Batches.of(items, 100);

        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.get(1).get(0)).isEqualTo(100);
        assertThat(Batches.of(List.of(), 100)).isEmpty();
        assertThat(Batches.of(List.of(1, 2), 200)).containsExactly(List.of(1, 2));
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
