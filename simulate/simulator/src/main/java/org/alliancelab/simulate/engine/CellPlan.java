package org.alliancelab.simulate.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.internal.SmallMatrices;
import org.alliancelab.simulate.model.SamplingCorrelation;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.scenario.AdjustedReporting;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Dropout;
import org.alliancelab.simulate.scenario.ModeratorCell;
import org.alliancelab.simulate.scenario.PairedCorrelationRule;
import org.alliancelab.simulate.scenario.ScenarioException;

/**
 * The compiled plan of one moderator cell of a condition: everything about a study that does not
 * change between studies (mean coefficients, Cholesky factor of the observed covariance,
 * attenuation, topological order, reporting and dropout settings), computed once per condition.
 */
final class CellPlan {
    final StructuralModel model;
    final Map<String, String> levels;
    final double[] beta;
    final double[] sd;
    final int[] varying;
    final double[][] chol;
    final double[] residualSd;
    final double[] reliability;
    /** sqrt(rel_a rel_b) for the analysis variables a, b (the attenuation factors). */
    final double[][] attenuation;
    final int[] order;
    final int[] from;
    final int[][] incoming;
    final int[] analysis;
    /** The working correlation of the paired comparison, NaN when each study computes its own. */
    final double pairedCorrelation;
    final double reportProbability;
    final int[] dropNodes;
    final double[] dropCoefficients;
    /** The share of a binary randomized node (the instrument, last analysis variable); NaN when none is binary. */
    final double instrumentShare;
    /** The latent covariance for drawn coefficients (null when none vary). */
    final CovarianceUpdate update;

    CellPlan(ModeratorCell cell, Condition condition) {
        model = cell.model();
        levels = cell.levels();
        beta = model.coefficients();
        sd = model.coefficientSds();
        int count = 0;
        for (double s : sd) {
            count += s > 0 ? 1 : 0;
        }
        varying = new int[count];
        for (int p = 0, i = 0; p < sd.length; p++) {
            if (sd[p] > 0) {
                varying[i++] = p;
            }
        }
        int k = model.nodes().size();
        analysis = model.analysisNodes();
        int q = analysis.length;
        double[] psi = new double[k];
        double[][] sigma = new double[k][k];
        model.latentCovariance(beta, psi, sigma);
        boolean[] varies = new boolean[sd.length];
        for (int p : varying) {
            varies[p] = true;
        }
        update = count == 0 ? null : CovarianceUpdate.of(model, beta, varies);
        residualSd = new double[k];
        for (int j = 0; j < k; j++) {
            residualSd[j] = Math.sqrt(psi[j]);
        }
        reliability = model.reliabilities();
        double[][] obs = new double[q][q];
        model.observedCovariance(sigma, reliability, obs);
        attenuation = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                attenuation[a][b] = Math.sqrt(reliability[analysis[a]] * reliability[analysis[b]]);
            }
        }
        chol = new double[q][q];
        if (!SmallMatrices.cholesky(obs, chol, q)) {
            throw new ScenarioException(condition.source(), "/model",
                "the observed covariance is singular (perfectly reliable, perfectly determined variables)");
        }
        order = model.topologicalOrder();
        from = model.pathFrom();
        int[] to = model.pathTo();
        List<List<Integer>> in = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            in.add(new ArrayList<>());
        }
        for (int p = 0; p < to.length; p++) {
            in.get(to[p]).add(p);
        }
        incoming = new int[k][];
        for (int j = 0; j < k; j++) {
            incoming[j] = in.get(j).stream().mapToInt(Integer::intValue).toArray();
        }
        PairedCorrelationRule rule = condition.analyses().pairedCorrelation();
        // NaN for the sample rule: each study's value comes from its own sampled matrix.
        pairedCorrelation = switch (rule.method()) {
            case CONSTANT -> rule.value();
            case POPULATION -> SamplingCorrelation.deltaMethod(leading(obs, 2 + model.adjustment().length));
            case SAMPLE -> Double.NaN;
        };
        double report = 0;
        AdjustedReporting r = condition.design().adjustedReporting().orElse(null);
        if (r instanceof AdjustedReporting.ByModerator byModerator) {
            report = byModerator.probabilities().getOrDefault(levels.get(byModerator.moderator()), 0.0);
        } else if (r instanceof AdjustedReporting.Fraction fraction) {
            report = fraction.fraction();
        }
        reportProbability = report;
        int z = model.instrument();
        instrumentShare = z >= 0 && model.nodes().get(z).randomization().isBinary()
            ? model.nodes().get(z).randomization().share() : Double.NaN;
        Dropout dropout = condition.design().dropout().orElse(null);
        int drops = dropout == null ? 0 : dropout.coefficients().size();
        dropNodes = new int[drops];
        dropCoefficients = new double[drops];
        if (dropout != null) {
            int i = 0;
            for (Map.Entry<String, Double> e : dropout.coefficients().entrySet()) {
                dropNodes[i] = model.indexOf(e.getKey());
                dropCoefficients[i++] = e.getValue();
            }
        }
    }

    /** The leading m x m block (exposure, outcome, covariates without the instrument). */
    private static double[][] leading(double[][] c, int m) {
        if (m == c.length) {
            return c;
        }
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            System.arraycopy(c[a], 0, out[a], 0, m);
        }
        return out;
    }
}
