package org.alliancelab.meta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.meta.internal.EffectSizeChecks;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.alliancelab.meta.pooling.RandomEffectsModel;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Case-deletion influence diagnostics for the random-effects model, as metafor's
 * {@code influence(rma(yi, vi))}: studentized deleted residuals, DFFITS, Cook's distance,
 * covariance ratio, leave-one-out tau<sup>2</sup> and Q, hat values, weights and DFBETAS (see
 * {@link StudyInfluence} for the formulas). Costs k refits of k - 1 studies, or none given the leave-one-out fits.
 *
 * <p>Reference: Viechtbauer, W. &amp; Cheung, M. W.-L. (2010). Outlier and influence diagnostics
 * for meta-analysis. <i>Research Synthesis Methods</i>, 1, 112-125. doi:10.1002/jrsm.11
 */
public final class InfluenceDiagnostics {

    private InfluenceDiagnostics() {
    }

    /**
     * @param model the pooling model
     * @param yi effect sizes
     * @param vi sampling variances
     * @return one entry per study, in input order
     * @throws IllegalArgumentException for fewer than 3 studies or different lengths
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when a fit does not converge
     */
    public static List<StudyInfluence> fit(RandomEffectsModel model, double[] yi, double[] vi) {
        check(yi, vi);
        // one full fit: it warm-starts the refits and anchors the diagnostics
        MetaAnalysisResult full = model.fit(yi, vi);
        return diagnostics(model, yi, vi, full,
            LeaveOneOut.refits(Sensitivity.warmStarted(model, full), yi, vi, done -> { }));
    }

    /**
     * The diagnostics from leave-one-out fits already computed ({@link LeaveOneOut#fit}), so
     * that a caller who reports both pays for the k refits once.
     *
     * @param model the pooling model the fits were made with
     * @param yi effect sizes
     * @param vi sampling variances
     * @param leaveOneOut the fit without study i, for each i in input order
     * @return one entry per study, in input order
     * @throws IllegalArgumentException for fewer than 3 studies, different lengths, or not one
     *     leave-one-out fit per study
     * @throws org.alliancelab.meta.effectsize.InvalidEffectSizeException for invalid inputs
     * @throws org.alliancelab.meta.pooling.NonConvergenceException when the full fit does not converge
     */
    public static List<StudyInfluence> fit(RandomEffectsModel model, double[] yi, double[] vi,
                                           List<MetaAnalysisResult> leaveOneOut) {
        check(yi, vi);
        int k = yi.length;
        if (leaveOneOut.size() != k) {
            throw new IllegalArgumentException("one leave-one-out fit per study expected (" + k + "), got "
                + leaveOneOut.size());
        }
        return diagnostics(model, yi, vi, model.fit(yi, vi), leaveOneOut);
    }

    private static List<StudyInfluence> diagnostics(RandomEffectsModel model, double[] yi, double[] vi,
                                                    MetaAnalysisResult full, List<MetaAnalysisResult> leaveOneOut) {
        int k = yi.length;
        double vFull = full.se() * full.se();
        double sw = 0;
        for (int i = 0; i < k; i++) {
            sw += 1 / (vi[i] + full.tau2());
        }
        double cookCut = ChiSquaredDistribution.of(1).inverseCumulativeProbability(0.5);
        double[] y = new double[k - 1];
        double[] v = new double[k - 1];
        List<StudyInfluence> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Sensitivity.omit(yi, vi, i, y, v);
            MetaAnalysisResult del = leaveOneOut.get(i);
            double t2 = del.tau2();
            double vDel = del.se() * del.se();
            double s2 = model.test() == InferenceTest.KNHA ? knappHartungFactor(y, v, del) : 1;
            double hat = 1 / (vi[i] + full.tau2()) / sw;
            double diff = full.estimate() - del.estimate();
            double resid = yi[i] - del.estimate();
            if (Math.abs(resid) < 100 * Math.ulp(1.0)) {
                resid = 0;
            }
            double rstudent = resid / Math.sqrt(vi[i] * s2 + vDel + t2 * s2);
            double dffits = diff / Math.sqrt(s2 * hat * (t2 + vi[i]));
            double swDel = 0;
            for (int j = 0; j < k; j++) {
                swDel += 1 / (vi[j] + t2);
            }
            double dfbetas = diff / Math.sqrt(s2 / swDel);
            double cook = diff * diff / vFull;
            boolean influential = Math.abs(dffits) > 3 * Math.sqrt(1.0 / (k - 1)) || cook > cookCut
                || hat > 3.0 / k || Math.abs(dfbetas) > 1;
            out.add(new StudyInfluence(i, rstudent, dffits, cook, vDel / vFull, t2, del.qe(), hat, 100 * hat,
                dfbetas, influential));
        }
        return List.copyOf(out);
    }

    private static void check(double[] yi, double[] vi) {
        if (vi.length != yi.length) {
            throw new IllegalArgumentException("yi and vi differ in length");
        }
        if (yi.length < 3) {
            throw new IllegalArgumentException("influence diagnostics need at least 3 studies, got " + yi.length);
        }
        EffectSizeChecks.requireValid(yi, vi);
    }

    /**
     * s<sup>2</sup> = &Sigma;w(y - &mu;&#x0302;)<sup>2</sup>/(k - 1) of a Knapp-Hartung fit (metafor's
     * {@code s2w}), 0 when the residual sum of squares is below machine epsilon.
     */
    private static double knappHartungFactor(double[] y, double[] v, MetaAnalysisResult r) {
        double rss = 0;
        for (int j = 0; j < y.length; j++) {
            double d = y[j] - r.estimate();
            rss += d * d / (v[j] + r.tau2());
        }
        return rss <= Math.ulp(1.0) ? 0 : rss / (y.length - 1);
    }
}
