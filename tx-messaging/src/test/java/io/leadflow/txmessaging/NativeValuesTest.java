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

    @Test
    void putsEachColumnsParameterInsideItsTemplate() {
        assertThat(NativeValues.placeholders(2, java.util.List.of("%s", "cast(%s as jsonb)")))
                .isEqualTo("(?1, cast(?2 as jsonb)), (?3, cast(?4 as jsonb))");
    }
}
