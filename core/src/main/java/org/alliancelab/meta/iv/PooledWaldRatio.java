package org.alliancelab.meta.iv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.meta.pooling.PoolingWorkspace;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * The exposure's effect from k trials that share one instrument (encouragement trials), with a
 * confidence set whose coverage does not depend on the instrument's strength: the inversion of
 * the random-effects test of the trials' contrasts {@code itt_i - b first_i = 0}, an
 * Anderson-Rubin set for pooled trials.
 *
 * <p><b>The test of an effect b.</b> Trial i's contrast {@code d_i(b) = itt_i - b first_i} is the
 * slope of {@code Y - b X} on Z; its variance is
 * {@code v_i(b) = var(itt_i) - 2 b cov(itt_i, first_i) + b^2 var(first_i)} (the slopes' covariance
 * {@link InstrumentalVariableResult#slopeCovariance()}). If the instrument reaches Y only through X
 * and X's effect is b, every trial's contrast has mean 0 whatever its first stage, so the
 * random-effects test of the pooled contrast (the model's tau-squared estimator, re-estimated at
 * each b, and its test) is a test of b whose size needs no strong first stage (Anderson &amp; Rubin
 * 1949, Ann. Math. Stat. 20:46, doi:10.1214/aoms/1177730090). The per-trial Wald ratios pooled by
 * random effects do need it: each is biased towards the confounded association when the trial's
 * first stage is weak, and the pooled bias does not shrink with k (docs/designs.md). At
 * {@code b = 0} the contrast is the ITT slope, so the test of no effect is the pooled ITT test.
 *
 * <p><b>The confidence set</b> is {@code {b : p(b) >= 1 - level}}. With one trial and
 * tau-squared 0 it is Fieller's (1954, JRSS-B 16:175, doi:10.1111/j.2517-6161.1954.tb00159.x):
 * an interval when the pooled first stage is clearly non-zero, otherwise the complement of an
 * interval or the whole line, which say honestly that the data do not bound the effect. Here the
 * weights and tau-squared change with b, so the set is found numerically: b runs over the whole
 * line as {@code b = tan(theta)}, theta in (-pi/2, pi/2], where the contrast
 * {@code cos(theta) itt_i - sin(theta) first_i} has the same p value (the estimators and tests are
 * scale-equivariant) and {@code theta = pi/2} is the point at infinity, tested by the pooled first
 * stage; p is evaluated at 96 equally spaced angles and at the estimate, and every change of side
 * is refined by Brent's method to 1e-12 in theta. A part of the set narrower than the grid's
 * spacing (pi/96) away from the estimate could be missed; the set always contains the estimate.
 *
 * <p><b>The estimate</b> is the b at which the pooled contrast is zero (its p value is 1),
 * searched outwards from the ratio of the pooled ITT to the pooled first stage. As b runs from
 * -inf to inf the pooled contrast goes from the sign of the pooled first stage to the opposite
 * one, so a root exists; {@code NaN} only when the pooled first stage is exactly zero.
 *
 * <p>Edge cases: {@code k < 1}, a non-finite slope, a non-positive variance or a covariance that
 * makes a trial's 2 x 2 covariance matrix singular are {@link IllegalArgumentException}s; the
 * model's own exceptions (non-convergence) pass through.
 */
public final class PooledWaldRatio {
    /** Angles of the grid on which the set is first located. */
    static final int GRID = 96;

    private static final double HALF_PI = Math.PI / 2;
    private static final BrentSolver BRENT = new BrentSolver(1e-14, 1e-12, 0);

    private final RandomEffectsModel model;
    private final double[] itt;
    private final double[] ittVar;
    private final double[] first;
    private final double[] firstVar;
    private final double[] cov;
    private final int k;
    private final double[] d;
    private final double[] v;
    private final PoolingWorkspace fit = new PoolingWorkspace();

    private PooledWaldRatio(RandomEffectsModel model, double[] itt, double[] ittVar, double[] first,
                            double[] firstVar, double[] cov, int k) {
        this.model = model;
        this.itt = itt;
        this.ittVar = ittVar;
        this.first = first;
        this.firstVar = firstVar;
        this.cov = cov;
        this.k = k;
        this.d = new double[k];
        this.v = new double[k];
    }

    /**
     * @param model the random-effects model (estimator, test and confidence level) of the pooling
     * @param trials each trial's IV analysis
     * @return the estimate, the test of no effect and the confidence set
     * @throws IllegalArgumentException for no trials or an invalid trial
     */
    public static PooledWaldRatioResult of(RandomEffectsModel model, List<InstrumentalVariableResult> trials) {
        int k = trials.size();
        double[] itt = new double[k];
        double[] ittVar = new double[k];
        double[] first = new double[k];
        double[] firstVar = new double[k];
        double[] cov = new double[k];
        for (int i = 0; i < k; i++) {
            InstrumentalVariableResult t = trials.get(i);
            itt[i] = t.intentionToTreat();
            ittVar[i] = t.intentionToTreatSe() * t.intentionToTreatSe();
            first[i] = t.firstStage();
            firstVar[i] = t.firstStageSe() * t.firstStageSe();
            cov[i] = t.slopeCovariance();
        }
        return of(model, itt, ittVar, first, firstVar, cov, k);
    }

    /**
     * The same from arrays, for Monte Carlo loops; the first {@code k} entries are read, none is
     * changed.
     *
     * @param model the random-effects model of the pooling
     * @param itt the ITT slopes
     * @param ittVar their sampling variances
     * @param first the first-stage slopes
     * @param firstVar their sampling variances
     * @param cov the slopes' sampling covariances
     * @param k number of trials, at least 1
     * @return the estimate, the test of no effect and the confidence set
     * @throws IllegalArgumentException for {@code k < 1} or an invalid trial
     */
    public static PooledWaldRatioResult of(RandomEffectsModel model, double[] itt, double[] ittVar, double[] first,
                                           double[] firstVar, double[] cov, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the pooled Wald ratio needs at least one trial, got " + k);
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(itt[i]) || !Double.isFinite(first[i]) || !Double.isFinite(cov[i])) {
                throw new IllegalArgumentException("trial " + (i + 1) + ": slopes and covariance must be finite");
            }
            if (!(ittVar[i] > 0 && firstVar[i] > 0 && ittVar[i] < Double.POSITIVE_INFINITY
                && firstVar[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("trial " + (i + 1) + ": variances must be positive and finite, got "
                    + ittVar[i] + " and " + firstVar[i]);
            }
            if (cov[i] * cov[i] >= ittVar[i] * firstVar[i]) {
                throw new IllegalArgumentException("trial " + (i + 1) + ": the slopes' covariance " + cov[i]
                    + " makes their covariance matrix singular");
            }
        }
        return new PooledWaldRatio(model, itt, ittVar, first, firstVar, cov, k).solve();
    }

    private PooledWaldRatioResult solve() {
        double alpha = 1 - model.confidenceLevel();
        double pZero = pValue(0);
        double estimate = estimate();
        // the grid's angles, with the estimate's among them so the set is never missed entirely
        double[] theta = new double[Double.isNaN(estimate) ? GRID : GRID + 1];
        for (int j = 0; j < GRID; j++) {
            theta[j] = -HALF_PI + (j + 1) * Math.PI / GRID;
        }
        if (!Double.isNaN(estimate)) {
            theta[GRID] = Math.atan(estimate);
        }
        Arrays.sort(theta);
        int m = theta.length;
        boolean[] in = new boolean[m];
        int inside = 0;
        for (int j = 0; j < m; j++) {
            in[j] = pValue(theta[j]) >= alpha;
            inside += in[j] ? 1 : 0;
        }
        if (inside == m) {
            return new PooledWaldRatioResult(k, estimate, pZero, model.confidenceLevel(),
                List.of(new PooledWaldRatioResult.Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
        }
        // walk the circle from a rejected angle; each accepted run is an arc [start, end]
        int from = 0;
        while (in[from]) {
            from++;
        }
        List<double[]> arcs = new ArrayList<>();
        double start = Double.NaN;
        for (int step = 1; step <= m; step++) {
            int j = (from + step) % m;
            int prev = (from + step - 1) % m;
            if (in[j] == in[prev]) {
                continue;
            }
            // angles past pi/2 continue through the point at infinity
            double a = theta[prev];
            double b = j > prev ? theta[j] : theta[j] + Math.PI;
            double edge = BRENT.findRoot(t -> pValue(t) - alpha, a, b);
            if (in[j]) {
                start = edge;
            } else {
                arcs.add(new double[] {start, edge});
            }
        }
        return new PooledWaldRatioResult(k, estimate, pZero, model.confidenceLevel(), intervals(arcs));
    }

    /** Arcs of angles (an end may exceed pi/2) as disjoint, sorted intervals of b. */
    private static List<PooledWaldRatioResult.Interval> intervals(List<double[]> arcs) {
        List<PooledWaldRatioResult.Interval> out = new ArrayList<>();
        for (double[] arc : arcs) {
            double s = wrap(arc[0]);
            double e = wrap(arc[1]);
            if (s <= e) {
                out.add(new PooledWaldRatioResult.Interval(tan(s), tan(e)));
            } else {
                // through the point at infinity: two rays
                out.add(new PooledWaldRatioResult.Interval(Double.NEGATIVE_INFINITY, tan(e)));
                out.add(new PooledWaldRatioResult.Interval(tan(s), Double.POSITIVE_INFINITY));
            }
        }
        out.sort((x, y) -> Double.compare(x.lower(), y.lower()));
        return List.copyOf(out);
    }

    /** The angle in (-pi/2, pi/2]. */
    private static double wrap(double t) {
        return t > HALF_PI ? t - Math.PI : t;
    }

    private static double tan(double t) {
        return t >= HALF_PI ? Double.POSITIVE_INFINITY : Math.tan(t);
    }

    /** Where the pooled contrast is zero, searched outwards from the ratio of pooled slopes. */
    private double estimate() {
        model.fit(itt, ittVar, k, fit);
        double pooledItt = fit.estimate();
        model.fit(first, firstVar, k, fit);
        double t0 = Math.atan2(pooledItt, fit.estimate());
        // the ratio's angle, in (-pi/2, pi/2]
        t0 = t0 > HALF_PI ? t0 - Math.PI : t0 <= -HALF_PI ? t0 + Math.PI : t0;
        double c0 = contrast(t0);
        if (c0 == 0) {
            return Math.tan(t0);
        }
        // Near -pi/2 and pi/2 the contrast tends to +/- the pooled first stage, so the widest
        // steps bracket a root unless the pooled first stage is exactly zero.
        double edge = HALF_PI - 1e-9;
        for (double h = 0.01; h < 2 * Math.PI; h *= 2) {
            for (double t : new double[] {Math.max(-edge, t0 - h), Math.min(edge, t0 + h)}) {
                if (t != t0 && Math.signum(contrast(t)) != Math.signum(c0)) {
                    double root = BRENT.findRoot(this::contrast, Math.min(t, t0), Math.max(t, t0));
                    return Math.tan(root);
                }
            }
        }
        return Double.NaN;
    }

    /** The pooled contrast at angle theta. */
    private double contrast(double theta) {
        fitAt(theta);
        return fit.estimate();
    }

    /** The test's p value of the effect tan(theta). */
    private double pValue(double theta) {
        fitAt(theta);
        return fit.pValue();
    }

    private void fitAt(double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        for (int i = 0; i < k; i++) {
            d[i] = c * itt[i] - s * first[i];
            v[i] = c * c * ittVar[i] - 2 * c * s * cov[i] + s * s * firstVar[i];
        }
        model.fit(d, v, k, fit);
    }
}
