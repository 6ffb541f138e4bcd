package io.leadflow.txmessaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeValuesTest {

    @Test
    void numbersTheParametersRowByRow() {
        assertThat(NativeValues.placeholders(2, 3)).isEqualTo("(?1, ?2, ?3), (?4, ?5, ?6)");
        assertThat(NativeValues.placeholders(3, 1)).isEqualTo("(?1), (?2), (?3)");
        assertThat(NativeValues.placeholders(0, 4)).isEmpty();
    }
}
