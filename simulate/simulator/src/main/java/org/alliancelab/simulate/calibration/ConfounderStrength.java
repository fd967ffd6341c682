package org.alliancelab.simulate.calibration;

import org.alliancelab.simulate.internal.SmallMatrices;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.scenario.AdjustedReporting;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.ModeratorCell;

/**
 * How strongly an unmeasured confounder U is associated with the exposure and the outcome of
 * the adjusted analysis, in the terms of Cinelli &amp; Hazlett (2020, JRSS-B 82, 39-67,
 * doi:10.1111/rssb.12348):
 *
 * <ul>
 * <li>{@code R2_{D~U|X}}: the partial R<sup>2</sup> of U with the observed exposure D given the
 *     observed covariates X (the measured, error-laden proxies of the adjustment set), the
 *     squared partial correlation of U and D given X;</li>
 * <li>{@code R2_{Y~U|D,X}}: the partial R<sup>2</sup> of U with the observed outcome Y given D
 *     and X, the squared partial correlation of U and Y given D and X.</li>
 * </ul>
 *
 * Computed from the population covariance of (U, D, Y, X) in each moderator cell at its mean
 * path coefficients (U latent with variance 1, {@code Cov(U, proxy_i) = sqrt(rel_i) Sigma_Ui}),
 * and averaged over the cells with the weights of the studies that report an adjusted estimate
 * (cell probability times reporting probability, as
 * {@link Condition#truthAmongReporters()}; the cell probabilities without a moderator rule).
 *
 * @param exposure {@code R2_{D~U|X}}
 * @param outcome {@code R2_{Y~U|D,X}}
 */
public record ConfounderStrength(double exposure, double outcome) {

    /**
     * @param condition the condition
     * @param confounder the name of an unobserved node
     * @return its strength in the adjusted analysis
     * @throws IllegalArgumentException when there is no such node or it is observed
     */
    public static ConfounderStrength of(Condition condition, String confounder) {
        StructuralModel base = condition.model();
        int u = base.indexOf(confounder);
        if (u < 0) {
            throw new IllegalArgumentException("no node '" + confounder + "'");
        }
        if (base.nodes().get(u).observed()) {
            throw new IllegalArgumentException("node '" + confounder + "' is observed, not an unmeasured confounder");
        }
        double w = 0;
        double exposure = 0;
        double outcome = 0;
        for (ModeratorCell cell : condition.cells()) {
            double weight = cell.probability() * reportingProbability(condition, cell);
            if (!(weight > 0)) {
                continue;
            }
            double[] r2 = partialR2(cell.model(), u);
            w += weight;
            exposure += weight * r2[0];
            outcome += weight * r2[1];
        }
        return new ConfounderStrength(exposure / w, outcome / w);
    }

    private static double reportingProbability(Condition condition, ModeratorCell cell) {
        if (condition.design().adjustedReporting().orElse(null) instanceof AdjustedReporting.ByModerator rule
            && condition.expectedReportingStudies() > 0) {
            return rule.probabilities().getOrDefault(cell.levels().get(rule.moderator()), 0.0);
        }
        return 1;
    }

    /** R2_{D~U|X} and R2_{Y~U|D,X} of one model at its mean coefficients. */
    static double[] partialR2(StructuralModel model, int u) {
        int k = model.nodes().size();
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        model.latentCovariance(model.coefficients(), psi, sigma);
        int[] vars = model.analysisNodes(); // exposure, outcome, adjustment (then the instrument, not used)
        double[] rel = model.reliabilities();
        int q = 2 + model.adjustment().length;
        double[][] obs = new double[q][q];
        model.observedCovariance(sigma, rel, obs);
        // Joint covariance of (U, analysis variables), U first.
        double[][] joint = new double[q + 1][q + 1];
        joint[0][0] = 1;
        for (int a = 0; a < q; a++) {
            joint[0][a + 1] = Math.sqrt(rel[vars[a]]) * sigma[u][vars[a]];
            joint[a + 1][0] = joint[0][a + 1];
            for (int b = 0; b < q; b++) {
                joint[a + 1][b + 1] = obs[a][b];
            }
        }
        // U, D given X: indices 0, 1 (exposure), then 3.. (adjustment).
        double rd = SmallMatrices.partialCorrelation(select(joint, 0, 1, 3, q + 1));
        // U, Y given D, X: indices 0, 2 (outcome), 1 (exposure), 3.. (adjustment).
        int[] yOrder = new int[q + 1];
        yOrder[0] = 0;
        yOrder[1] = 2;
        yOrder[2] = 1;
        for (int a = 3; a <= q; a++) {
            yOrder[a] = a;
        }
        double ry = SmallMatrices.partialCorrelation(select(joint, yOrder));
        return new double[] {rd * rd, ry * ry};
    }

    private static double[][] select(double[][] c, int first, int second, int from, int to) {
        int[] order = new int[2 + to - from];
        order[0] = first;
        order[1] = second;
        for (int a = from; a < to; a++) {
            order[2 + a - from] = a;
        }
        return select(c, order);
    }

    private static double[][] select(double[][] c, int... order) {
        double[][] s = new double[order.length][order.length];
        for (int a = 0; a < order.length; a++) {
            for (int b = 0; b < order.length; b++) {
                s[a][b] = c[order[a]][order[b]];
            }
        }
        return s;
    }
}
