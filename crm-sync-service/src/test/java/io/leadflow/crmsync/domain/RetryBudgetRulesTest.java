package io.leadflow.crmsync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryBudgetRulesTest {

    @Test
    void aBudgetIsSpentOnceTheAttemptsReachIt() {
        RetryBudget four = new RetryBudget(4);

        assertThat(four.isSpentAfter(3)).isFalse();
        assertThat(four.isSpentAfter(4)).isTrue();
        assertThat(four.isSpentAfter(5)).isTrue();
    }

    @Test
    void zeroMeansRetryForAsLongAsItTakes() {
        assertThat(new RetryBudget(0).isSpentAfter(1_000_000)).isFalse();
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> new RetryBudget(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
