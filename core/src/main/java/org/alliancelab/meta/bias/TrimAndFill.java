package org.alliancelab.meta.bias;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.MetaRegression;

/**
 * Duval and Tweedie's trim-and-fill, as metafor's {@code trimfill} for a model without
 * moderators:
 * <ol>
 *   <li>Side: unless given, the side is "right" when the slope of the meta-regression of
 *       y<sub>i</sub> on sqrt(v<sub>i</sub>) (same estimator) is negative, otherwise "left". For
 *       "right" the effects are negated, so that missing studies are always sought on the
 *       left.</li>
 *   <li>Iteration: the k<sub>0</sub> largest effects are trimmed, the remaining ones pooled
 *       (&beta;), all effects centred at &beta;, ranked by absolute value (ties by order of the
 *       sorted effects), and k<sub>0</sub> re-estimated by {@link MissingStudiesEstimator}, until
 *       k<sub>0</sub> no longer changes.</li>
 *   <li>Fill: the k<sub>0</sub> trimmed studies are mirrored about the last &beta;
 *       (2&beta; - y<sub>i</sub>, with the same variances) and the k + k<sub>0</sub> studies pooled
 *       by the model.</li>
 * </ol>
 * All fits use the given model; metafor runs every fit but the original one with its default
 * convergence control, which {@link #matchingMetafor()} reproduces.
 *
 * <p>References: Duval, S. &amp; Tweedie, R. (2000). Trim and fill: a simple funnel-plot-based
 * method of testing and adjusting for publication bias in meta-analysis. <i>Biometrics</i>, 56,
 * 455-463. doi:10.1111/j.0006-341X.2000.00455.x; Duval, S. &amp; Tweedie, R. (2000), A
 * nonparametric "trim and fill" method of accounting for publication bias in meta-analysis.
 * <i>JASA</i>, 95, 89-98. doi:10.1080/01621459.2000.10473905
 */
public final class TrimAndFill {

    private static final int MAX_ITERATIONS = 100;

    /** metafor's default convergence threshold, which its trimfill uses for its inner fits. */
    public static final double METAFOR_DEFAULT_THRESHOLD = 1e-5;
    /** metafor's default iteration limit. */
    public static final int METAFOR_DEFAULT_MAX_ITERATIONS = 100;

    private final RandomEffectsModel model;
    /** Model of the side choice, the trimmed fits and the fit on the filled data. */
    private final RandomEffectsModel refitModel;
    private final MissingStudiesEstimator estimator;
    private final FunnelSide side;

    private TrimAndFill(RandomEffectsModel model, RandomEffectsModel refitModel, MissingStudiesEstimator estimator,
                        FunnelSide side) {
        this.model = model;
        this.refitModel = refitModel;
        this.estimator = estimator;
        this.side = side;
    }

    /**
     * @param model the pooling model of all fits
     * @return trim-and-fill with L0 and the side chosen from the data
     */
    public static TrimAndFill of(RandomEffectsModel model) {
        Objects.requireNonNull(model, "model");
        return new TrimAndFill(model, model, MissingStudiesEstimator.L0, null);
    }

    /**
     * Runs the side choice, the trimmed fits and the fit on the filled data with metafor's
     * default convergence control (threshold 1e-5, 100 iterations), as metafor's
     * {@code trimfill} does whatever control the original fit used; the result without filled
     * studies (k<sub>0</sub> = 0) remains the original fit. Reproduces metafor's numbers to
     * about 1e-8 instead of the 1e-5 by which a loosely converged tau<sup>2</sup> can differ.
     *
     * @return a copy reproducing metafor
     */
    public TrimAndFill matchingMetafor() {
        return new TrimAndFill(model, model.withConvergence(METAFOR_DEFAULT_THRESHOLD, METAFOR_DEFAULT_MAX_ITERATIONS),
            estimator, side);
    }

    /**
     * @param newEstimator L0 or R0
     * @return a copy using that estimator
     */
    public TrimAndFill withEstimator(MissingStudiesEstimator newEstimator) {
        return new TrimAndFill(model, refitModel, Objects.requireNonNull(newEstimator, "estimator"), side);
    }

    /**
     * @param newSide the side on which to fill
     * @return a copy filling on that side instead of choosing it from the data
     */
    public TrimAndFill withSide(FunnelSide newSide) {
        return new TrimAndFill(model, refitModel, estimator, Objects.requireNonNull(newSide, "side"));
    }

    /**
     * @param yi effect sizes
     * @param vi sampling variances
     * @return k<sub>0</sub>, the side, and the pooled result with the filled studies
     * @throws IllegalArgumentException for fewer than 3 studies (2 when the side is given) or
     *     different lengths
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws ArithmeticException when k<sub>0</sub> does not settle within 100 iterations
     */
    public TrimAndFillResult fit(double[] yi, double[] vi) {
        int k = yi.length;
        if (vi.length != k) {
            throw new IllegalArgumentException("yi and vi differ in length");
        }
        if (k < 2) {
            throw new IllegalArgumentException("trim-and-fill needs at least 2 studies, got " + k);
        }
        org.alliancelab.meta.pooling.MetaAnalysisResult original = model.fit(yi, vi);
        FunnelSide s = side != null ? side : chooseSide(yi, vi);
        double sign = s == FunnelSide.RIGHT ? -1 : 1;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        // stable sort, as R's sort(index.return = TRUE)
        Arrays.sort(order, Comparator.comparingDouble(i -> sign * yi[i]));
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = sign * yi[order[i]];
            v[i] = vi[order[i]];
        }
        int k0 = 0;
        int previous = -1;
        double beta = Double.NaN;
        double k0Se = Double.NaN;
        double[] centred = new double[k];
        Integer[] byAbs = new Integer[k];
        int[] rank = new int[k];
        int iter = 0;
        while (k0 != previous) {
            previous = k0;
            if (++iter > MAX_ITERATIONS) {
                throw new ArithmeticException("trim-and-fill did not converge in " + MAX_ITERATIONS + " iterations");
            }
            beta = refitModel.fit(Arrays.copyOf(y, k - k0), Arrays.copyOf(v, k - k0)).estimate();
            for (int i = 0; i < k; i++) {
                centred[i] = y[i] - beta;
                byAbs[i] = i;
            }
            Arrays.sort(byAbs, Comparator.comparingDouble(i -> Math.abs(centred[i])));
            for (int r = 0; r < k; r++) {
                rank[byAbs[r]] = r + 1;
            }
            double est;
            if (estimator == MissingStudiesEstimator.R0) {
                int maxNegative = 0;
                for (int i = 0; i < k; i++) {
                    if (centred[i] < 0) {
                        maxNegative = Math.max(maxNegative, rank[i]);
                    }
                }
                est = k - maxNegative - 1.0;
                k0Se = Math.sqrt(2 * Math.max(0, est) + 2);
            } else {
                double sr = 0;
                for (int i = 0; i < k; i++) {
                    if (centred[i] > 0) {
                        sr += rank[i];
                    }
                }
                est = (4 * sr - k * (k + 1.0)) / (2.0 * k - 1);
                double varSr = (k * (k + 1.0) * (2.0 * k + 1) + 10 * Math.pow(est, 3) + 27 * est * est + 17 * est
                    - 18.0 * k * est * est - 18.0 * k * est + 6.0 * k * k * est) / 24;
                k0Se = 4 * Math.sqrt(varSr) / (2.0 * k - 1);
            }
            k0 = (int) Math.max(0, Math.rint(est));
            k0Se = Math.max(0, k0Se);
            if (k0 >= k) {
                // nothing would be left to pool: R would fail here as well
                throw new ArithmeticException("trim-and-fill estimated " + k0 + " missing studies for k = " + k);
            }
        }
        if (k0 == 0) {
            return new TrimAndFillResult(0, k0Se, s, estimator, original, new double[0], new double[0]);
        }
        double[] allY = Arrays.copyOf(yi, k + k0);
        double[] allV = Arrays.copyOf(vi, k + k0);
        double[] filledYi = new double[k0];
        double[] filledVi = new double[k0];
        for (int j = 0; j < k0; j++) {
            int i = k - k0 + j;
            double mirrored = sign * (2 * beta - y[i]);
            filledYi[j] = mirrored;
            allY[k + j] = mirrored;
            filledVi[j] = v[i];
            allV[k + j] = v[i];
        }
        return new TrimAndFillResult(k0, k0Se, s, estimator, refitModel.fit(allY, allV), filledYi, filledVi);
    }

    private FunnelSide chooseSide(double[] yi, double[] vi) {
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        double slope = MetaRegression.of(refitModel)
            .fit(yi, vi, DesignMatrix.builder(yi.length).continuous("sei", sei).build())
            .coefficients().get(1).estimate();
        return slope < 0 ? FunnelSide.RIGHT : FunnelSide.LEFT;
    }
}
