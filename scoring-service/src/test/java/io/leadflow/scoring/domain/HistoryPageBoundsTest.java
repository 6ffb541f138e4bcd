package io.leadflow.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class HistoryPageBoundsTest {

    @Test
    void aPageTakesLeadsUntilEitherBoundAndABigHistoryIsAPageOfItsOwn() {
        HistoryPageBounds bounds = new HistoryPageBounds(3, 10);

        assertThat(bounds.take(List.of(1L, 1L, 1L, 1L))).as("three leads at most").isEqualTo(3);
        assertThat(bounds.take(List.of(4L, 6L, 1L))).as("ten events at most").isEqualTo(2);
        assertThat(bounds.take(List.of(4L, 7L))).as("not the one that would pass the events bound").isEqualTo(1);
        assertThat(bounds.take(List.of(50L, 1L))).as("a history larger than the bound alone").isEqualTo(1);
        assertThat(bounds.take(List.of(0L, 0L))).as("leads without history").isEqualTo(2);
        assertThat(bounds.take(List.of())).isZero();
        assertThatThrownBy(() -> new HistoryPageBounds(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(200)
    void pagesCoverEveryLeadOnceInOrderWithinTheBounds(RepetitionInfo repetition) {
        // given random history sizes (a few far larger than the events bound) and random bounds
        Random random = new Random(repetition.getCurrentRepetition());
        HistoryPageBounds bounds = new HistoryPageBounds(1 + random.nextInt(6), 1 + random.nextInt(30));
        List<Long> sizes = new ArrayList<>();
        for (int i = random.nextInt(60); i > 0; i--) {
            sizes.add(random.nextInt(10) == 0 ? 100L + random.nextInt(100) : random.nextInt(8));
        }

        // when they are read page after page
        List<Long> read = new ArrayList<>();
        for (int next = 0; next < sizes.size(); ) {
            List<Long> page = sizes.subList(next, next + bounds.take(sizes.subList(next, sizes.size())));
            // then every page holds one lead at least, and within both bounds unless it is one lead
            assertThat(page).isNotEmpty().hasSizeLessThanOrEqualTo(bounds.leads());
            if (page.size() > 1) {
                assertThat(page.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(bounds.events());
            }
            read.addAll(page);
            next += page.size();
        }
        // and every lead was read once, in order
        assertThat(read).isEqualTo(sizes);
    }
}
