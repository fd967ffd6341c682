package org.alliancelab.meta.regression;

import org.alliancelab.meta.internal.Cholesky;

/**
 * Weighted least squares for a k &times; p design with diagonal weights W, in O(k p<sup>2</sup>)
 * time and without k &times; k matrices: accumulates A = X'WX, solves by Cholesky, and gives the
 * quadratic forms and traces of the residual projector P = W - WX A<sup>-1</sup>X'W that the
 * tau-squared estimators need. Mutable scratch space, reused across iterations; not
 * thread-safe; package-private.
 */
final class WeightedLeastSquares {

    /** Relative pivot below which a column counts as collinear with the others. */
    private static final double COLLINEAR = 1e-11;

    final int k;
    final int p;
    private final double[] x;
    private final java.util.List<String> names;
    /** Current weights (not copied; the caller keeps them unchanged until the next fit). */
    double[] w;
    /** A<sup>-1</sup> = (X'WX)<sup>-1</sup>, row-major p &times; p. */
    final double[] ainv;
    /** Coefficients. */
    final double[] b;
    /** Residuals y - Xb. */
    final double[] e;
    /** Leverages h<sub>i</sub> = x<sub>i</sub>'A<sup>-1</sup>x<sub>i</sub>. */
    final double[] h;
    /** log det(X'WX). */
    double logDetA;
    private final double[] a;
    private final double[] xwy;
    private final double[] ca;
    private final double[] cb;
    private final double[] t1;
    private final double[] t2;

    WeightedLeastSquares(DesignMatrix design) {
        this.k = design.rows();
        this.p = design.columns();
        this.x = design.data();
        this.names = design.names();
        ainv = new double[p * p];
        b = new double[p];
        e = new double[k];
        h = new double[k];
        a = new double[p * p];
        xwy = new double[p];
        ca = new double[p * p];
        cb = new double[p * p];
        t1 = new double[p * p];
        t2 = new double[p * p];
    }

    /**
     * Fits y on X with weights w.
     *
     * @throws InvalidModeratorException when X'WX is singular (collinear moderators)
     */
    void fit(double[] y, double[] weights) {
        this.w = weights;
        java.util.Arrays.fill(a, 0);
        java.util.Arrays.fill(xwy, 0);
        for (int i = 0; i < k; i++) {
            int o = i * p;
            double wi = weights[i];
            for (int r = 0; r < p; r++) {
                double wx = wi * x[o + r];
                xwy[r] += wx * y[i];
                for (int c = 0; c <= r; c++) {
                    a[r * p + c] += wx * x[o + c];
                }
            }
        }
        invert(a, ainv);
        for (int r = 0; r < p; r++) {
            double s = 0;
            for (int c = 0; c < p; c++) {
                s += ainv[r * p + c] * xwy[c];
            }
            b[r] = s;
        }
        for (int i = 0; i < k; i++) {
            int o = i * p;
            double fitted = 0;
            double hi = 0;
            for (int r = 0; r < p; r++) {
                fitted += x[o + r] * b[r];
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += ainv[r * p + c] * x[o + c];
                }
                hi += x[o + r] * s;
            }
            e[i] = y[i] - fitted;
            h[i] = hi;
        }
    }

    /** Inverts the symmetric positive definite matrix whose lower triangle is in m, by Cholesky. */
    private void invert(double[] m, double[] out) {
        double[] l = t1;
        int deficient = Cholesky.firstDeficientColumn(m, p, l, COLLINEAR);
        if (deficient >= 0) {
            throw new InvalidModeratorException(-1, names.get(deficient), "column '" + names.get(deficient)
                + "' of the design matrix is constant or collinear with the others");
        }
        logDetA = 0;
        for (int c = 0; c < p; c++) {
            logDetA += 2 * Math.log(l[c * p + c]);
        }
        // inverse of L (lower triangular) into t2, then A^-1 = L^-T L^-1
        double[] li = t2;
        java.util.Arrays.fill(li, 0);
        for (int j = 0; j < p; j++) {
            li[j * p + j] = 1 / l[j * p + j];
            for (int r = j + 1; r < p; r++) {
                double s = 0;
                for (int c = j; c < r; c++) {
                    s -= l[r * p + c] * li[c * p + j];
                }
                li[r * p + j] = s / l[r * p + r];
            }
        }
        for (int r = 0; r < p; r++) {
            for (int c = 0; c <= r; c++) {
                double s = 0;
                for (int q = r; q < p; q++) {
                    s += li[q * p + r] * li[q * p + c];
                }
                out[r * p + c] = s;
                out[c * p + r] = s;
            }
        }
    }

    /** @return &Sigma;w<sub>i</sub> */
    double sumW() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += w[i];
        }
        return s;
    }

    /** @return &Sigma;w<sub>i</sub><sup>2</sup> */
    double sumW2() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += w[i] * w[i];
        }
        return s;
    }

    /** @return y'Py = &Sigma;w<sub>i</sub>e<sub>i</sub><sup>2</sup> */
    double yPy() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += w[i] * e[i] * e[i];
        }
        return s;
    }

    /** @return y'PPy = &Sigma;w<sub>i</sub><sup>2</sup>e<sub>i</sub><sup>2</sup> (since Py = We) */
    double yPPy() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += w[i] * w[i] * e[i] * e[i];
        }
        return s;
    }

    /** @return tr(P) = &Sigma;w<sub>i</sub> - &Sigma;w<sub>i</sub><sup>2</sup>h<sub>i</sub> */
    double trP() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += w[i] - w[i] * w[i] * h[i];
        }
        return s;
    }

    /** @return tr(PD) for diagonal D = diag(d) */
    double trPD(double[] d) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += (w[i] - w[i] * w[i] * h[i]) * d[i];
        }
        return s;
    }

    /**
     * tr(P D<sub>a</sub> P D<sub>b</sub>) = &Sigma;<sub>ij</sub>P<sub>ij</sub><sup>2</sup>a<sub>i</sub>b<sub>j</sub>
     * for diagonal D<sub>a</sub>, D<sub>b</sub> (null meaning the identity):
     * &Sigma;w<sup>2</sup>ab - 2&Sigma;w<sup>3</sup>h ab + tr(A<sup>-1</sup>C<sub>a</sub>A<sup>-1</sup>C<sub>b</sub>),
     * C<sub>a</sub> = &Sigma;w<sub>i</sub><sup>2</sup>a<sub>i</sub>x<sub>i</sub>x<sub>i</sub>'.
     */
    double trPDPD(double[] da, double[] db) {
        double s = 0;
        java.util.Arrays.fill(ca, 0);
        java.util.Arrays.fill(cb, 0);
        for (int i = 0; i < k; i++) {
            double ai = da == null ? 1 : da[i];
            double bi = db == null ? 1 : db[i];
            double w2 = w[i] * w[i];
            s += w2 * ai * bi - 2 * w2 * w[i] * h[i] * ai * bi;
            int o = i * p;
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    double xx = x[o + r] * x[o + c] * w2;
                    ca[r * p + c] += xx * ai;
                    cb[r * p + c] += xx * bi;
                }
            }
        }
        multiply(ainv, ca, t1);
        multiply(ainv, cb, t2);
        double tr = 0;
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                tr += t1[r * p + c] * t2[c * p + r];
            }
        }
        return s + tr;
    }

    private void multiply(double[] m1, double[] m2, double[] out) {
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int q = 0; q < p; q++) {
                    s += m1[r * p + q] * m2[q * p + c];
                }
                out[r * p + c] = s;
            }
        }
    }
}
