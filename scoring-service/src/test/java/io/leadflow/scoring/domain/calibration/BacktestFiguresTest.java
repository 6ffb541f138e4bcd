package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AUC, lift and the calibration table on small hand-made cases. */
class BacktestFiguresTest {

    @Test
    void anAucIsOneWhenEveryConverterRanksFirstZeroWhenLastAndAHalfForTies() {
        boolean[] converted = {false, false, true, true};
        assertThat(Auc.of(new double[] {1, 2, 3, 4}, converted)).isEqualTo(1);
        assertThat(Auc.of(new double[] {4, 3, 2, 1}, converted)).isEqualTo(0);
        assertThat(Auc.of(new double[] {1, 1, 1, 1}, converted)).isEqualTo(0.5);
        // one of the four converter/non-converter pairs is ranked the wrong way
        assertThat(Auc.of(new double[] {1, 3, 2, 4}, converted)).isEqualTo(0.75);
    }

    @Test
    void anAucNeedsBothClasses() {
        assertThatThrownBy(() -> Auc.of(new double[] {1, 2}, new boolean[] {true, true})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liftIsTheQualifiedLeadsConversionOverEveryLeads() {
        // given 2 of 4 qualified, both converted; 2 of 4 converted overall
        Lift lift = Lift.of(new boolean[] {true, true, false, false}, new boolean[] {true, true, false, false});

        assertThat(lift.qualified()).isEqualTo(2);
        assertThat(lift.qualifiedConversion()).isEqualTo(1.0);
        assertThat(lift.overallConversion()).isEqualTo(0.5);
        assertThat(lift.lift()).isEqualTo(2.0);
        assertThat(Lift.of(new boolean[] {false, false}, new boolean[] {true, false}).lift()).isNull();
    }

    @Test
    void theCalibrationTableCutsTheLeadsByPredictionIntoEqualBands() {
        // given six leads, predictions out of order
        double[] predicted = {0.9, 0.1, 0.5, 0.2, 0.8, 0.4};
        boolean[] converted = {true, false, true, false, true, false};

        // when
        List<CalibrationBand> table = CalibrationBand.of(predicted, converted, 3);

        // then
        assertThat(table).extracting(CalibrationBand::leads).containsExactly(2, 2, 2);
        assertThat(table.get(0).predictedFrom()).isEqualTo(0.1);
        assertThat(table.get(0).predictedTo()).isEqualTo(0.2);
        assertThat(table.get(0).observed()).isZero();
        assertThat(table.get(1).predicted()).isCloseTo(0.45, within(1e-9));
        assertThat(table.get(1).observed()).isEqualTo(0.5);
        assertThat(table.get(2).observed()).isEqualTo(1.0);
    }
}
