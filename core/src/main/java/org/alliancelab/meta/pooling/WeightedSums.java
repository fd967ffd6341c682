package org.alliancelab.meta.pooling;

/**
 * Mutable sums over studies with weights w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;<sup>2</sup>),
 * taken in one pass around a centre c close to the weighted mean so that the centred sums lose
 * no precision. From them follow, for the intercept-only model with residual-projection matrix
 * P = W - ww'/&Sigma;w:
 * <ul>
 *   <li>&mu;&#x0302; = c + &Sigma;w(y - c)/&Sigma;w;</li>
 *   <li>y'Py = &Sigma;w(y - &mu;&#x0302;)<sup>2</sup> (the generalized Q) and
 *       y'PPy = &Sigma;w<sup>2</sup>(y - &mu;&#x0302;)<sup>2</sup>;</li>
 *   <li>tr P = S<sub>1</sub> - S<sub>2</sub>/S<sub>1</sub> and tr PP = S<sub>2</sub> -
 *       2S<sub>3</sub>/S<sub>1</sub> + (S<sub>2</sub>/S<sub>1</sub>)<sup>2</sup>, with
 *       S<sub>j</sub> = &Sigma;w<sup>j</sup>;</li>
 *   <li>with V = diag(v): tr(PVPV) = &Sigma;w<sup>2</sup>v<sup>2</sup> -
 *       2&Sigma;w<sup>3</sup>v<sup>2</sup>/S<sub>1</sub> + (&Sigma;w<sup>2</sup>v)<sup>2</sup>/S<sub>1</sub><sup>2</sup>
 *       and tr(PVP) = &Sigma;w<sup>2</sup>v - 2&Sigma;w<sup>3</sup>v/S<sub>1</sub> +
 *       S<sub>2</sub>&Sigma;w<sup>2</sup>v/S<sub>1</sub><sup>2</sup> (only after
 *       {@link #computeWithVarianceTraces}).</li>
 * </ul>
 * Package-private scratch owned by a {@link PoolingWorkspace}; reused across fits.
 */
final class WeightedSums {
    double tau2;
    double center;
    double s1;
    double s2;
    double s3;
    /** &Sigma;w(y - c). */
    double t1;
    /** &Sigma;w(y - c)<sup>2</sup>. */
    double t2;
    /** &Sigma;w<sup>2</sup>(y - c). */
    double u1;
    /** &Sigma;w<sup>2</sup>(y - c)<sup>2</sup>. */
    double u2;
    double w2v;
    double w3v;
    double w2v2;
    double w3v2;

    /**
     * One pass over the first k studies.
     *
     * @param yi effect sizes
     * @param vi sampling variances
     * @param k number of studies
     * @param tau2Value the between-study variance added to each v
     * @param centerValue the centre c
     */
    void compute(double[] yi, double[] vi, int k, double tau2Value, double centerValue) {
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b1 = 0;
        double b2 = 0;
        double c1 = 0;
        double c2 = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (vi[i] + tau2Value);
            double d = yi[i] - centerValue;
            double w2 = w * w;
            double wd = w * d;
            double w2d = w2 * d;
            a1 += w;
            a2 += w2;
            a3 += w2 * w;
            b1 += wd;
            b2 += wd * d;
            c1 += w2d;
            c2 += w2d * d;
        }
        set(tau2Value, centerValue, a1, a2, a3, b1, b2, c1, c2);
    }

    /**
     * Only what the pooled estimate and the Knapp-Hartung factor need: &Sigma;w,
     * &Sigma;w(y - c) and &Sigma;w(y - c)<sup>2</sup> (three running sums instead of seven). The
     * other sums are set to NaN so that a misuse shows.
     */
    void computeMean(double[] yi, double[] vi, int k, double tau2Value, double centerValue) {
        double a1 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (vi[i] + tau2Value);
            double wd = w * (yi[i] - centerValue);
            a1 += w;
            b1 += wd;
            b2 += wd * (yi[i] - centerValue);
        }
        set(tau2Value, centerValue, a1, Double.NaN, Double.NaN, b1, b2, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #compute} and also the sums needed for tr(PVPV) and tr(PVP).
     */
    void computeWithVarianceTraces(double[] yi, double[] vi, int k, double tau2Value, double centerValue) {
        compute(yi, vi, k, tau2Value, centerValue);
        double a = 0;
        double b = 0;
        double c = 0;
        double e = 0;
        for (int i = 0; i < k; i++) {
            double v = vi[i];
            double w = 1 / (v + tau2Value);
            double w2v = w * w * v;
            a += w2v;
            b += w2v * w;
            c += w2v * v;
            e += w2v * w * v;
        }
        w2v = a;
        w3v = b;
        w2v2 = c;
        w3v2 = e;
    }

    void set(double tau2Value, double centerValue, double a1, double a2, double a3,
                     double b1, double b2, double c1, double c2) {
        this.tau2 = tau2Value;
        this.center = centerValue;
        this.s1 = a1;
        this.s2 = a2;
        this.s3 = a3;
        this.t1 = b1;
        this.t2 = b2;
        this.u1 = c1;
        this.u2 = c2;
    }

    /** @return the weighted mean &mu;&#x0302; */
    double mean() {
        return center + t1 / s1;
    }

    /** @return &Sigma;w(y - &mu;&#x0302;)<sup>2</sup> = y'Py, the generalized Q statistic */
    double weightedSquares() {
        return Math.max(0, t2 - t1 * t1 / s1);
    }

    /** @return &Sigma;w<sup>2</sup>(y - &mu;&#x0302;)<sup>2</sup> = y'PPy */
    double weightedSquaresSquared() {
        double delta = t1 / s1;
        return Math.max(0, u2 - 2 * delta * u1 + delta * delta * s2);
    }

    /** @return tr P */
    double traceP() {
        return s1 - s2 / s1;
    }

    /** @return tr PP */
    double tracePP() {
        double r = s2 / s1;
        return s2 - 2 * s3 / s1 + r * r;
    }

    /** @return tr(PVPV) */
    double tracePVPV() {
        return w2v2 - 2 * w3v2 / s1 + (w2v / s1) * (w2v / s1);
    }

    /** @return tr(PVP) */
    double tracePVP() {
        return w2v - 2 * w3v / s1 + s2 * w2v / (s1 * s1);
    }
}
