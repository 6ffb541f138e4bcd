package io.leadflow.scoring.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fit recovers weights it was drawn from. */
class LogisticRegressionTest {

    @Test
    void theFitRecoversADriverAndTellsNoiseFromIt() {
        // given 4,000 examples whose log-odds are -1 + 1.5 x0, x1 pure noise, x2 the same for everyone
        SplittableRandom random = new SplittableRandom(3);
        int n = 4000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextInt(4);
            x[i][1] = random.nextInt(10);
            x[i][2] = 1;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(1 - 1.5 * x[i][0]));
        }

        // when
        LogisticRegression.Fitted fitted = LogisticRegression.fit(x, y, 1.0);

        // then
        assertThat(fitted.weights()[0]).isBetween(1.3, 1.7);
        assertThat(fitted.intercept()).isBetween(-1.3, -0.7);
        assertThat(Math.abs(fitted.zScores()[0])).isGreaterThan(10);
        assertThat(Math.abs(fitted.zScores()[1])).isLessThan(PointScaling.MIN_Z);
        assertThat(fitted.seen()).containsExactly(true, true, false);
        assertThat(fitted.weights()[2]).isZero();
    }
}
