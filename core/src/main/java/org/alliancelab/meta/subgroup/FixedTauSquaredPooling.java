package org.alliancelab.meta.subgroup;

import org.alliancelab.meta.internal.TailProbabilities;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * Random-effects pooling with tau<sup>2</sup> given rather than estimated, as metafor's
 * {@code rma(yi, vi, tau2 = value)}: &mu;&#x0302; = &Sigma;w<sub>i</sub>y<sub>i</sub>/&Sigma;w<sub>i</sub>,
 * w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;<sup>2</sup>), SE = 1/sqrt(&Sigma;w<sub>i</sub>) (times s
 * for Knapp-Hartung, t with k - 1 df), I<sup>2</sup> = 100 &tau;<sup>2</sup>/(&tau;<sup>2</sup> +
 * v&#x0303;), v&#x0303; = (k - 1)/(&Sigma;1/v - &Sigma;(1/v)<sup>2</sup>/&Sigma;1/v). The SE of
 * tau<sup>2</sup> is NaN (it was not estimated here).
 */
final class FixedTauSquaredPooling {

    private FixedTauSquaredPooling() {
    }

    static MetaAnalysisResult fit(double[] y, double[] v, double tau2, TauSquaredEstimator estimator,
                                  InferenceTest test, double level) {
        int k = y.length;
        double sw = 0;
        double swy = 0;
        double sw0 = 0;
        double sw0y = 0;
        double sw02 = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (v[i] + tau2);
            sw += w;
            swy += w * y[i];
            double w0 = 1 / v[i];
            sw0 += w0;
            sw0y += w0 * y[i];
            sw02 += w0 * w0;
        }
        double mu = swy / sw;
        double muFe = sw0y / sw0;
        double qe = 0;
        double rss = 0;
        for (int i = 0; i < k; i++) {
            qe += (y[i] - muFe) * (y[i] - muFe) / v[i];
            rss += (y[i] - mu) * (y[i] - mu) / (v[i] + tau2);
        }
        double se = Math.sqrt(1 / sw);
        double crit;
        double p;
        double stat;
        if (test == InferenceTest.KNHA) {
            se *= k > 1 ? Math.sqrt(rss / (k - 1)) : Double.NaN;
            stat = mu / se;
            crit = k > 1 ? TailProbabilities.studentCritical(level, k - 1) : Double.NaN;
            p = k > 1 ? TailProbabilities.studentTwoSided(stat, k - 1) : Double.NaN;
        } else {
            stat = mu / se;
            crit = TailProbabilities.normalCritical(level);
            p = TailProbabilities.normalTwoSided(stat);
        }
        double qeP = k > 1 ? TailProbabilities.chiSquaredUpper(qe, k - 1) : Double.NaN;
        double i2;
        double h2;
        if (k > 1) {
            double vt = (k - 1) / (sw0 - sw02 / sw0);
            i2 = 100 * tau2 / (vt + tau2);
            h2 = tau2 / vt + 1;
        } else {
            i2 = 0;
            h2 = 1;
        }
        double piHalf = crit * Math.sqrt(se * se + tau2);
        return new MetaAnalysisResult(k, estimator, test, level, mu, se, stat, p, mu - crit * se, mu + crit * se,
            tau2, Double.NaN, i2, h2, qe, qeP, mu - piHalf, mu + piHalf, 0);
    }
}
