package org.alliancelab.meta.dependence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.NonConvergenceException;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Three-level random-effects model for effect sizes j within samples s within studies i,
 * y<sub>isj</sub> = &mu; + u<sub>i</sub> + w<sub>is</sub> + e<sub>isj</sub>, u ~ N(0,
 * &sigma;<sub>1</sub><sup>2</sup>), w ~ N(0, &sigma;<sub>2</sub><sup>2</sup>), e ~ N(0,
 * v<sub>isj</sub>), fitted by restricted maximum likelihood as metafor's
 * {@code rma.mv(yi, vi, random = ~ 1 | study/sample, method = "REML")}.
 *
 * <p>The marginal covariance is block diagonal by study: V<sub>i</sub> = A<sub>i</sub> +
 * &sigma;<sub>1</sub><sup>2</sup>11', A<sub>i</sub> = blockdiag<sub>s</sub>(D<sub>s</sub> +
 * &sigma;<sub>2</sub><sup>2</sup>11'). Both levels are inverted in closed form (Sherman-Morrison),
 * so with &alpha;<sub>s</sub> = &Sigma;<sub>j&isin;s</sub>1/v<sub>j</sub>, &beta;<sub>s</sub> =
 * &alpha;<sub>s</sub>/(1 + &sigma;<sub>2</sub><sup>2</sup>&alpha;<sub>s</sub>) = 1'A<sub>s</sub><sup>-1</sup>1
 * and B<sub>i</sub> = &Sigma;<sub>s</sub>&beta;<sub>s</sub>: 1'V<sub>i</sub><sup>-1</sup>1 =
 * B<sub>i</sub>/(1 + &sigma;<sub>1</sub><sup>2</sup>B<sub>i</sub>), log|V<sub>i</sub>| =
 * &Sigma;log v<sub>j</sub> + &Sigma;<sub>s</sub>log(1 + &sigma;<sub>2</sub><sup>2</sup>&alpha;<sub>s</sub>)
 * + log(1 + &sigma;<sub>1</sub><sup>2</sup>B<sub>i</sub>), and every quadratic form and trace of the
 * REML score and information reduces to per-sample sums: O(k) per iteration, no k &times; k or
 * even per-study matrices.
 *
 * <p>The restricted log-likelihood -&frac12;[(k - 1) log 2&pi; - log k + &Sigma;log|V<sub>i</sub>| +
 * log 1'V<sup>-1</sup>1 + (y - &mu;&#x0302;)'V<sup>-1</sup>(y - &mu;&#x0302;)] (metafor's constants) is
 * maximized by Fisher scoring on (&sigma;<sub>1</sub><sup>2</sup>, &sigma;<sub>2</sub><sup>2</sup>):
 * score U<sub>r</sub> = &frac12;[y'PG<sub>r</sub>Py - tr(PG<sub>r</sub>)], information
 * I<sub>rs</sub> = &frac12;tr(PG<sub>r</sub>PG<sub>s</sub>), G<sub>1</sub> (G<sub>2</sub>) the
 * study (sample) membership outer products, P = V<sup>-1</sup> - V<sup>-1</sup>11'V<sup>-1</sup>/1'V<sup>-1</sup>1;
 * a component at 0 with a negative score stays at 0, and steps are halved until the likelihood
 * does not decrease. Iteration stops when no component changes by more than the threshold.
 *
 * <p>References: Konstantopoulos, S. (2011). Fixed effects and variance components estimation in
 * three-level meta-analysis. <i>Research Synthesis Methods</i>, 2, 61-76. doi:10.1002/jrsm.35;
 * Cheung, M. W.-L. (2014). Modeling dependent effect sizes with three-level meta-analyses.
 * <i>Psychological Methods</i>, 19, 211-229. doi:10.1037/a0032968
 */
public final class ThreeLevelModel {

    private final double level;
    private final double threshold;
    private final int maxIterations;

    private ThreeLevelModel(double level, double threshold, int maxIterations) {
        this.level = level;
        this.threshold = threshold;
        this.maxIterations = maxIterations;
    }

    /** @return the REML model with 95% intervals, threshold 1e-10 and at most 1000 iterations */
    public static ThreeLevelModel reml() {
        return new ThreeLevelModel(0.95, 1e-10, 1000);
    }

    /**
     * @param newLevel confidence level in (0, 1)
     * @return a copy with that level
     */
    public ThreeLevelModel withConfidenceLevel(double newLevel) {
        if (!(newLevel > 0 && newLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + newLevel);
        }
        return new ThreeLevelModel(newLevel, threshold, maxIterations);
    }

    /**
     * @param newThreshold largest change of a variance component at convergence
     * @param newMaxIterations iterations before {@link NonConvergenceException}
     * @return a copy with that control
     */
    public ThreeLevelModel withConvergence(double newThreshold, int newMaxIterations) {
        if (!(newThreshold > 0) || newMaxIterations < 1) {
            throw new IllegalArgumentException("threshold must be positive and maxIterations at least 1");
        }
        return new ThreeLevelModel(level, newThreshold, newMaxIterations);
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @param study study of each effect
     * @param sample sample of each effect, nested in its study (labels may repeat across studies)
     * @return the fit
     * @throws InvalidEffectSizeException naming the effect for invalid inputs
     * @throws IllegalArgumentException when lengths differ, a label is missing, or k &lt; 3
     * @throws NonConvergenceException when Fisher scoring does not converge
     */
    public ThreeLevelResult fit(double[] yi, double[] vi, String[] study, String[] sample) {
        int k = yi.length;
        if (vi.length != k || study.length != k || sample.length != k) {
            throw new IllegalArgumentException("yi, vi, study and sample must have the same length");
        }
        if (k < 3) {
            throw new IllegalArgumentException("a three-level model needs at least 3 effect sizes, got " + k);
        }
        EffectSizeChecks.requireValid(yi, vi);
        for (int i = 0; i < k; i++) {
            if (sample[i] == null) {
                throw new IllegalArgumentException("sample of effect " + i + " is missing");
            }
        }
        Layout layout = Layout.of(study, sample);
        State s = new State(layout, yi, vi);

        // start: half of the excess variance on each level
        double mean = 0;
        double meanV = 0;
        for (int i = 0; i < k; i++) {
            mean += yi[i] / k;
            meanV += vi[i] / k;
        }
        double var = 0;
        for (double y : yi) {
            var += (y - mean) * (y - mean) / (k - 1);
        }
        double start = Math.max(var - meanV, 0.01 * var) / 2;
        double[] theta = {start, start};
        s.evaluate(theta);
        int iter = 0;
        while (true) {
            if (++iter > maxIterations) {
                throw new NonConvergenceException(TauSquaredEstimator.REML, maxIterations);
            }
            double[] u = s.score.clone();
            double[][] info = {s.info[0].clone(), s.info[1].clone()};
            boolean free0 = theta[0] > 0 || u[0] > 0;
            boolean free1 = theta[1] > 0 || u[1] > 0;
            double[] step = new double[2];
            if (free0 && free1) {
                double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
                step[0] = (info[1][1] * u[0] - info[0][1] * u[1]) / det;
                step[1] = (info[0][0] * u[1] - info[1][0] * u[0]) / det;
            } else if (free0) {
                step[0] = u[0] / info[0][0];
            } else if (free1) {
                step[1] = u[1] / info[1][1];
            }
            double ll = s.logLik;
            double[] next = new double[2];
            double t = 1;
            while (true) {
                next[0] = Math.max(0, theta[0] + t * step[0]);
                next[1] = Math.max(0, theta[1] + t * step[1]);
                s.evaluate(next);
                if (s.logLik >= ll - 1e-13 * Math.abs(ll) || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double change = Math.max(Math.abs(next[0] - theta[0]), Math.abs(next[1] - theta[1]));
            theta = next.clone();
            if (change < threshold) {
                break;
            }
        }
        s.evaluate(theta);
        double se = 1 / Math.sqrt(s.c);
        double z = s.mu / se;
        double crit = TailProbabilities.normalCritical(level);
        double p = TailProbabilities.normalTwoSided(z);
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            sw += 1 / vi[i];
            swy += yi[i] / vi[i];
        }
        double qe = 0;
        for (int i = 0; i < k; i++) {
            double d = yi[i] - swy / sw;
            qe += d * d / vi[i];
        }
        double qeP = TailProbabilities.chiSquaredUpper(qe, k - 1);
        return new ThreeLevelResult(k, layout.studies(), layout.samples(), s.mu, se, z, p, s.mu - crit * se,
            s.mu + crit * se, theta[0], theta[1], qe, qeP, s.logLik, iter);
    }

    /** Effects grouped by sample, samples grouped by study (order of first appearance). */
    private record Layout(int[][][] rows) {

        static Layout of(String[] study, String[] sample) {
            Map<String, Map<String, List<Integer>>> m = new LinkedHashMap<>();
            for (int i = 0; i < study.length; i++) {
                if (study[i] == null) {
                    throw new IllegalArgumentException("study of effect " + i + " is missing");
                }
                m.computeIfAbsent(study[i], x -> new LinkedHashMap<>())
                    .computeIfAbsent(sample[i], x -> new ArrayList<>()).add(i);
            }
            int[][][] rows = new int[m.size()][][];
            int a = 0;
            for (Map<String, List<Integer>> samples : m.values()) {
                rows[a] = new int[samples.size()][];
                int b = 0;
                for (List<Integer> r : samples.values()) {
                    rows[a][b++] = r.stream().mapToInt(Integer::intValue).toArray();
                }
                a++;
            }
            return new Layout(rows);
        }

        int studies() {
            return rows.length;
        }

        int samples() {
            int n = 0;
            for (int[][] s : rows) {
                n += s.length;
            }
            return n;
        }
    }

    /** Restricted log-likelihood, score and expected information at given variance components. */
    private static final class State {
        private final Layout layout;
        private final double[] y;
        private final double[] v;
        private final int k;
        private final double[] alpha;
        private final double logDetD;
        double mu;
        double c;
        double logLik;
        final double[] score = new double[2];
        final double[][] info = new double[2][2];

        State(Layout layout, double[] y, double[] v) {
            this.layout = layout;
            this.y = y;
            this.v = v;
            this.k = y.length;
            this.alpha = new double[layout.samples()];
            double ld = 0;
            int g = 0;
            for (int[][] st : layout.rows()) {
                for (int[] sm : st) {
                    for (int j : sm) {
                        alpha[g] += 1 / v[j];
                        ld += Math.log(v[j]);
                    }
                    g++;
                }
            }
            this.logDetD = ld;
        }

        void evaluate(double[] theta) {
            double s1 = theta[0];
            double s2 = theta[1];
            // pass 1: c = 1'V^-1 1 and 1'V^-1 y, hence mu
            double cc = 0;
            double cy = 0;
            double logDet = logDetD;
            int g = 0;
            for (int[][] st : layout.rows()) {
                double bigB = 0;
                double xiY = 0;
                for (int[] sm : st) {
                    double a = alpha[g++];
                    double f = 1 + s2 * a;
                    bigB += a / f;
                    double ys = 0;
                    for (int j : sm) {
                        ys += y[j] / v[j];
                    }
                    xiY += ys / f;
                    logDet += Math.log(f);
                }
                double h = 1 + s1 * bigB;
                logDet += Math.log(h);
                cc += bigB / h;
                cy += xiY / h;
            }
            c = cc;
            mu = cy / cc;
            // pass 2: residual quadratic form, score and information pieces
            double rVr = 0;
            double tr1 = 0;
            double tr2 = 0;
            double q1 = 0;
            double q2 = 0;
            // sums for tr(P G_r P G_s) = sum a^2 - (2/c) sum a b b + (sum b^2)(sum b^2)/c^2
            double a11 = 0;
            double ab11 = 0;
            double b1 = 0;
            double a22 = 0;
            double ab22 = 0;
            double b2 = 0;
            double a12 = 0;
            double ab12 = 0;
            g = 0;
            for (int[][] st : layout.rows()) {
                int g0 = g;
                double bigB = 0;
                double xiR = 0;
                double sumBeta2 = 0;
                double sumBeta3 = 0;
                for (int[] sm : st) {
                    double a = alpha[g++];
                    double f = 1 + s2 * a;
                    double beta = a / f;
                    bigB += beta;
                    sumBeta2 += beta * beta;
                    sumBeta3 += beta * beta * beta;
                    double rs = 0;
                    double rr = 0;
                    for (int j : sm) {
                        double r = y[j] - mu;
                        rs += r / v[j];
                        rr += r * r / v[j];
                    }
                    xiR += rs / f;
                    rVr += rr - s2 / f * rs * rs;
                }
                double h = 1 + s1 * bigB;
                double kappa = s1 / h;
                double lambda = 1 / h;
                rVr -= s1 * xiR * xiR / h;
                // study group: z_i'V^-1 z_i = B/h, b_i = B/h, z_i'Py = xiR/h
                double aStudy = bigB / h;
                tr1 += aStudy - aStudy * aStudy / cc;
                q1 += (xiR / h) * (xiR / h);
                a11 += aStudy * aStudy;
                ab11 += aStudy * aStudy * aStudy;
                b1 += aStudy * aStudy;
                // sample groups of this study
                g = g0;
                for (int[] sm : st) {
                    double a = alpha[g++];
                    double f = 1 + s2 * a;
                    double beta = a / f;
                    double rs = 0;
                    for (int j : sm) {
                        rs += (y[j] - mu) / v[j];
                    }
                    double pySample = rs / f - kappa * beta * xiR;
                    double aSS = beta - kappa * beta * beta;
                    double bS = beta * lambda;
                    tr2 += aSS - bS * bS / cc;
                    q2 += pySample * pySample;
                    b2 += bS * bS;
                }
                // sum over sample pairs (s,t) of this study of a_st^2 and a_st b_s b_t
                a22 += sumBeta2 - 2 * kappa * sumBeta3 + kappa * kappa * sumBeta2 * sumBeta2;
                ab22 += lambda * lambda * (sumBeta3 - kappa * sumBeta2 * sumBeta2);
                // study-sample pairs: a_is = beta_s/h, b_i = B/h, b_s = beta_s/h
                a12 += sumBeta2 / (h * h);
                ab12 += aStudy * sumBeta2 / (h * h);
            }
            score[0] = 0.5 * (q1 - tr1);
            score[1] = 0.5 * (q2 - tr2);
            info[0][0] = 0.5 * (a11 - 2 / cc * ab11 + b1 * b1 / (cc * cc));
            info[1][1] = 0.5 * (a22 - 2 / cc * ab22 + b2 * b2 / (cc * cc));
            info[0][1] = 0.5 * (a12 - 2 / cc * ab12 + b1 * b2 / (cc * cc));
            info[1][0] = info[0][1];
            logLik = -0.5 * ((k - 1) * Math.log(2 * Math.PI) - Math.log(k) + logDet + Math.log(cc) + rVr);
        }
    }
}
