package io.leadflow.scoring.domain.calibration;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * L2-regularised logistic regression, minimised by Apache Commons Math's non-linear conjugate gradient optimiser: this
 * class only states the loss and its gradient. Features are standardised first (mean 0, standard deviation 1), so the
 * penalty weighs every feature alike whatever its unit; the fitted weights are answered in the features' own units. A
 * feature that never varies in the data says nothing: its weight is 0 and it is marked unseen.
 *
 * <p>Standard errors come from the inverse of the penalised loss' Hessian at the optimum (the Wald approximation),
 * which tells a weight the data support from one that is noise.
 */
public final class LogisticRegression {

    /**
     * @param intercept the log-odds of a lead whose features are all 0
     * @param weights per feature, the change in log-odds per unit of it (0 for an unseen one)
     * @param zScores per feature, its weight over its standard error (0 for an unseen one)
     * @param seen per feature, whether it varied in the data
     */
    public record Fitted(double intercept, double[] weights, double[] zScores, boolean[] seen) {

        public Fitted {
            weights = weights.clone();
            zScores = zScores.clone();
            seen = seen.clone();
        }

        /** The predicted probability of a conversion for these feature values. */
        public double probability(double[] x) {
            double logit = intercept;
            for (int j = 0; j < weights.length; j++) {
                logit += weights[j] * x[j];
            }
            return 1 / (1 + Math.exp(-logit));
        }
    }

    private LogisticRegression() {
    }

    /**
     * @param x one row of feature values per example
     * @param y per example, whether it converted
     * @param l2 the penalty on the standardised weights' squares (halved), against the summed log-loss
     */
    public static Fitted fit(double[][] x, boolean[] y, double l2) {
        Standardised data = Standardised.of(x);
        int k = data.active().length;
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-12), 1e-8, 1e-8, 1e-2);
        PointValuePair optimum = optimizer.optimize(new MaxEval(1_000_000), new MaxIter(100_000),
                new ObjectiveFunction(theta -> loss(data.rows(), y, l2, theta)),
                new ObjectiveFunctionGradient(theta -> gradient(data.rows(), y, l2, theta)),
                GoalType.MINIMIZE, new InitialGuess(new double[k + 1]));
        double[] theta = optimum.getPoint();
        double[] standardErrors = standardErrors(data.rows(), l2, theta);
        int d = x.length == 0 ? 0 : x[0].length;
        double[] weights = new double[d];
        double[] z = new double[d];
        boolean[] seen = new boolean[d];
        double intercept = theta[0];
        for (int a = 0; a < k; a++) {
            int j = data.active()[a];
            seen[j] = true;
            weights[j] = theta[a + 1] / data.sd()[j];
            z[j] = theta[a + 1] / standardErrors[a + 1];
            intercept -= weights[j] * data.mean()[j];
        }
        return new Fitted(intercept, weights, z, seen);
    }

    // log(1 + e^eta) without overflow
    private static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static double linear(double[] row, double[] theta) {
        double eta = theta[0];
        for (int a = 0; a < row.length; a++) {
            eta += theta[a + 1] * row[a];
        }
        return eta;
    }

    private static double loss(double[][] rows, boolean[] y, double l2, double[] theta) {
        double loss = 0;
        for (int i = 0; i < rows.length; i++) {
            double eta = linear(rows[i], theta);
            loss += softplus(eta) - (y[i] ? eta : 0);
        }
        for (int a = 1; a < theta.length; a++) {
            loss += l2 / 2 * theta[a] * theta[a];
        }
        return loss;
    }

    private static double[] gradient(double[][] rows, boolean[] y, double l2, double[] theta) {
        double[] gradient = new double[theta.length];
        for (int i = 0; i < rows.length; i++) {
            double residual = 1 / (1 + Math.exp(-linear(rows[i], theta))) - (y[i] ? 1 : 0);
            gradient[0] += residual;
            for (int a = 0; a < rows[i].length; a++) {
                gradient[a + 1] += residual * rows[i][a];
            }
        }
        for (int a = 1; a < theta.length; a++) {
            gradient[a] += l2 * theta[a];
        }
        return gradient;
    }

    private static double[] standardErrors(double[][] rows, double l2, double[] theta) {
        int p = theta.length;
        double[][] hessian = new double[p][p];
        for (double[] row : rows) {
            double prob = 1 / (1 + Math.exp(-linear(row, theta)));
            double w = prob * (1 - prob);
            for (int a = 0; a < p; a++) {
                double xa = a == 0 ? 1 : row[a - 1];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += w * xa * (b == 0 ? 1 : row[b - 1]);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                hessian[b][a] = hessian[a][b];
            }
            hessian[a][a] += a == 0 ? 1e-9 : l2;
        }
        RealMatrix covariance = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false)).getSolver().getInverse();
        double[] errors = new double[p];
        for (int a = 0; a < p; a++) {
            errors[a] = Math.sqrt(covariance.getEntry(a, a));
        }
        return errors;
    }

    /** The varying columns of the data, centred and scaled to standard deviation 1. */
    private record Standardised(double[][] rows, int[] active, double[] mean, double[] sd) {

        static Standardised of(double[][] x) {
            int n = x.length;
            int d = n == 0 ? 0 : x[0].length;
            double[] mean = new double[d];
            double[] sd = new double[d];
            for (int j = 0; j < d; j++) {
                for (double[] row : x) {
                    mean[j] += row[j] / n;
                }
                for (double[] row : x) {
                    sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
                }
                sd[j] = Math.sqrt(sd[j]);
            }
            int[] active = java.util.stream.IntStream.range(0, d).filter(j -> sd[j] > 1e-12).toArray();
            double[][] rows = new double[n][active.length];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < active.length; a++) {
                    rows[i][a] = (x[i][active[a]] - mean[active[a]]) / sd[active[a]];
                }
            }
            return new Standardised(rows, active, mean, sd);
        }
    }
}
