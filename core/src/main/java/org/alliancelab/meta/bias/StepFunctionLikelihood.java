package org.alliancelab.meta.bias;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The log-likelihood of a step-function selection model and its gradient, for the parameters
 * (&mu;, [&tau;<sup>2</sup>], &delta;<sub>2</sub>, ..., &delta;<sub>J</sub>) (&delta;<sub>1</sub> = 1;
 * &tau;<sup>2</sup> absent for the common-effect model). With &sigma;<sub>i</sub><sup>2</sup> =
 * v<sub>i</sub> + &tau;<sup>2</sup>, g(i) the interval of study i's p-value and
 * F<sub>ij</sub> = P(p<sub>i</sub> &le; s<sub>j</sub>) under y<sub>i</sub> ~ N(&mu;,
 * &sigma;<sub>i</sub><sup>2</sup>),
 * <pre>
 * ll = &Sigma;<sub>i</sub> [log &delta;<sub>g(i)</sub> + log &phi;(y<sub>i</sub>; &mu;, &sigma;<sub>i</sub><sup>2</sup>) - log A<sub>i</sub>],
 * A<sub>i</sub> = &Sigma;<sub>j</sub> &delta;<sub>j</sub> (F<sub>ij</sub> - F<sub>i,j-1</sub>) = &delta;<sub>J</sub> + &Sigma;<sub>j&lt;J</sub> (&delta;<sub>j</sub> - &delta;<sub>j+1</sub>) F<sub>ij</sub>.
 * </pre>
 * With c<sub>ij</sub> = sqrt(v<sub>i</sub>) &Phi;<sup>-1</sup>(1 - s'<sub>j</sub>) (s' = s one-sided,
 * s/2 two-sided), F<sub>ij</sub> = &Sigma;<sub>a</sub> &Phi;((a&mu; - c<sub>ij</sub>)/&sigma;<sub>i</sub>)
 * over a = +1 (greater), a = -1 (less) or both (two-sided): metafor's {@code .selmodel.ll.stepfun}.
 * The expression stays valid beyond the parameters' bounds as long as &sigma;<sub>i</sub><sup>2</sup>
 * and the &delta; are positive, which the finite-difference Hessian uses at a bound.
 */
final class StepFunctionLikelihood {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private final double[] yi;
    private final double[] vi;
    private final int k;
    /** Number of intervals J. */
    private final int intervals;
    /** c<sub>ij</sub> for the J - 1 interior steps, row i. */
    private final double[] thresholds;
    /** Interval of each study's p-value, 0-based. */
    private final int[] group;
    /** Studies per interval. */
    private final int[] counts;
    private final PValueAlternative alternative;
    /** Whether tau<sup>2</sup> is a parameter (random effects) or 0 (common effect). */
    private final boolean tau2Free;

    StepFunctionLikelihood(double[] yi, double[] vi, double[] steps, PValueAlternative alternative, boolean tau2Free) {
        this.yi = yi;
        this.vi = vi;
        this.k = yi.length;
        this.intervals = steps.length;
        this.alternative = alternative;
        this.tau2Free = tau2Free;
        NormalDistribution normal = NormalDistribution.of(0, 1);
        double[] z = new double[intervals - 1];
        for (int j = 0; j < intervals - 1; j++) {
            z[j] = normal.inverseSurvivalProbability(alternative == PValueAlternative.TWO_SIDED ? steps[j] / 2 : steps[j]);
        }
        thresholds = new double[k * (intervals - 1)];
        group = new int[k];
        counts = new int[intervals];
        for (int i = 0; i < k; i++) {
            double se = Math.sqrt(vi[i]);
            for (int j = 0; j < intervals - 1; j++) {
                thresholds[i * (intervals - 1) + j] = se * z[j];
            }
            double p = pValue(yi[i] / se, alternative);
            int g = 0;
            while (g < intervals - 1 && !(p <= steps[g])) {
                g++;
            }
            group[i] = g;
            counts[g]++;
        }
    }

    /**
     * @param z y/sqrt(v)
     * @param alternative which p-value
     * @return metafor's {@code .selmodel.pval}
     */
    static double pValue(double z, PValueAlternative alternative) {
        return switch (alternative) {
            case GREATER -> 0.5 * Erfc.value(z / SQRT2);
            case LESS -> 0.5 * Erfc.value(-z / SQRT2);
            case TWO_SIDED -> Erfc.value(Math.abs(z) / SQRT2);
        };
    }

    /** @return studies per interval */
    int[] counts() {
        return counts.clone();
    }

    /** @return number of parameters: &mu;, [&tau;<sup>2</sup>], J - 1 weights */
    int dimension() {
        return (tau2Free ? 2 : 1) + intervals - 1;
    }

    /** @return the index of the first weight in the parameter vector */
    int firstWeight() {
        return tau2Free ? 2 : 1;
    }

    /** &Phi;(u), accurate in the lower tail. */
    private static double phi(double u) {
        return 0.5 * Erfc.value(-u / SQRT2);
    }

    /**
     * @param theta (&mu;, [&tau;<sup>2</sup>], &delta;<sub>2</sub>..&delta;<sub>J</sub>)
     * @param gradient receives the gradient of the negative log-likelihood when not null
     * @return the negative log-likelihood (NaN where undefined: a non-positive variance or weight)
     */
    double negativeLogLikelihood(double[] theta, double[] gradient) {
        int n = dimension();
        int w0 = firstWeight();
        double mu = theta[0];
        double tau2 = tau2Free ? theta[1] : 0;
        double[] delta = new double[intervals];
        delta[0] = 1;
        for (int j = 1; j < intervals; j++) {
            delta[j] = theta[w0 + j - 1];
            if (!(delta[j] > 0)) {
                return Double.NaN;
            }
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0, n, 0);
        }
        double[] f = new double[intervals - 1];
        double[] fMu = new double[intervals - 1];
        double[] fTau = new double[intervals - 1];
        double[] tail = new double[1];
        double ll = 0;
        for (int i = 0; i < k; i++) {
            double s2 = vi[i] + tau2;
            if (!(s2 > 0)) {
                return Double.NaN;
            }
            double s = Math.sqrt(s2);
            int row = i * (intervals - 1);
            for (int j = 0; j < intervals - 1; j++) {
                cumulative(mu, s, thresholds[row + j], j, f, fMu, fTau, j == intervals - 2 ? tail : null);
            }
            // A = sum_j delta_j P_j, with each P_j a difference of adjacent F (the last from the upper tail)
            double a = delta[0] * f[0];
            for (int j = 1; j < intervals - 1; j++) {
                a += delta[j] * (f[j] - f[j - 1]);
            }
            a += delta[intervals - 1] * tail[0];
            double r = yi[i] - mu;
            ll += Math.log(delta[group[i]]) - 0.5 * (LOG_2PI + Math.log(s2)) - r * r / (2 * s2) - Math.log(a);
            if (gradient != null) {
                double aMu = 0;
                double aTau = 0;
                for (int j = 0; j < intervals - 1; j++) {
                    aMu += (delta[j] - delta[j + 1]) * fMu[j];
                    aTau += (delta[j] - delta[j + 1]) * fTau[j];
                }
                gradient[0] -= r / s2 - aMu / a;
                if (tau2Free) {
                    gradient[1] -= -0.5 / s2 + r * r / (2 * s2 * s2) - aTau / a;
                }
                for (int j = 1; j < intervals; j++) {
                    double pj = j < intervals - 1 ? f[j] - f[j - 1] : tail[0];
                    gradient[w0 + j - 1] += pj / a;
                }
            }
        }
        if (gradient != null) {
            for (int j = 1; j < intervals; j++) {
                gradient[w0 + j - 1] -= counts[j] / delta[j];
            }
        }
        return -ll;
    }

    /**
     * F = P(p &le; s<sub>j</sub>) with its derivatives in &mu; and &tau;<sup>2</sup>, and
     * optionally 1 - F computed from the other tail (no cancellation).
     */
    private void cumulative(double mu, double s, double c, int j, double[] f, double[] fMu, double[] fTau,
                            double[] tail) {
        double value = 0;
        double dMu = 0;
        double dTau = 0;
        double uPlus = 0;
        double uMinus = 0;
        for (int a = 1; a >= -1; a -= 2) {
            if ((a == 1 && alternative == PValueAlternative.LESS) || (a == -1 && alternative == PValueAlternative.GREATER)) {
                continue;
            }
            double u = (a * mu - c) / s;
            double density = INV_SQRT_2PI * Math.exp(-0.5 * u * u);
            value += phi(u);
            dMu += a * density / s;
            dTau -= density * u / (2 * s * s);
            if (a == 1) {
                uPlus = u;
            } else {
                uMinus = u;
            }
        }
        f[j] = value;
        fMu[j] = dMu;
        fTau[j] = dTau;
        if (tail != null) {
            // two-sided: 1 - F = 1 - Phi(u+) - Phi(u-) = Phi(-u+) - Phi(u-)
            tail[0] = switch (alternative) {
                case GREATER -> phi(-uPlus);
                case LESS -> phi(-uMinus);
                case TWO_SIDED -> phi(-uPlus) - phi(uMinus);
            };
        }
    }
}
