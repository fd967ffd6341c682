package org.alliancelab.simulate.engine;

import org.alliancelab.simulate.scenario.Dropout;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The patient engine's draw of a study with dropout: each patient's latent nodes by the
 * structural equations (the study's drawn coefficients), dropout by the latent-variable form of
 * the link (probit: drop when a standard normal falls below the linear predictor; logit: a
 * logistic variate), then the observed analysis variables with their measurement error. Under
 * complete-case analysis dropped patients are left out; under retention analysis the outcome is
 * retention itself.
 */
final class DropoutDraw implements StudyDraw {
    private final Dropout dropout;
    private final double[] latent;
    private final int q;

    DropoutDraw(Dropout dropout, int nodes, int q) {
        this.dropout = dropout;
        this.latent = new double[nodes];
        this.q = q;
    }

    @Override
    public int draw(CellPlan plan, double[][] factor, int dims, int n, double[] beta, double[] residualSd,
                    UniformRandomProvider rng, NormalizedGaussianSampler gaussian, CoMoments moments) {
        return draw(plan, beta, residualSd, n, rng, gaussian, moments);
    }

    /** @return the analysed sample size */
    int draw(CellPlan plan, double[] beta, double[] resSd, int n, UniformRandomProvider rng,
             NormalizedGaussianSampler gaussian, CoMoments moments) {
        double[] v = moments.values;
        moments.clear();
        int[] order = plan.order;
        int[][] incoming = plan.incoming;
        int[] from = plan.from;
        int[] analysis = plan.analysis;
        double[] rel = plan.reliability;
        Dropout d = dropout;
        boolean retention = d.analysis() == Dropout.Analysis.RETENTION;
        boolean probit = d.link() == Dropout.Link.PROBIT;
        int[] dropNodes = plan.dropNodes;
        double[] dropCoefficients = plan.dropCoefficients;
        int analysed = 0;
        for (int i = 0; i < n; i++) {
            for (int j : order) {
                double s = resSd[j] * gaussian.sample();
                for (int p : incoming[j]) {
                    s += beta[p] * latent[from[p]];
                }
                latent[j] = s;
            }
            double eta = d.intercept();
            for (int c = 0; c < dropNodes.length; c++) {
                eta += dropCoefficients[c] * latent[dropNodes[c]];
            }
            double noise;
            if (probit) {
                noise = gaussian.sample();
            } else {
                double w = rng.nextDouble();
                noise = Math.log(w / (1 - w));
            }
            boolean dropped = noise < eta;
            if (!retention && dropped) {
                continue;
            }
            for (int a = 0; a < q; a++) {
                if (retention && a == 1) {
                    v[a] = dropped ? 0 : 1;
                    continue;
                }
                int j = analysis[a];
                double r = rel[j];
                v[a] = r < 1 ? Math.sqrt(r) * latent[j] + Math.sqrt(1 - r) * gaussian.sample() : latent[j];
            }
            moments.accumulate(q);
            analysed++;
        }
        moments.finish(analysed);
        return analysed;
    }
}
