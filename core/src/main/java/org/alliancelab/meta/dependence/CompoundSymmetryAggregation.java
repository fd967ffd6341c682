package org.alliancelab.meta.dependence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import org.alliancelab.meta.internal.EffectSizeChecks;

/**
 * Aggregates the m effect sizes of each cluster into one, as metafor's
 * {@code aggregate(dat, cluster = ..., rho = rho, struct = "CS")}: within a cluster the sampling
 * errors are assumed to have the compound-symmetric covariance V = S R S, S =
 * diag(sqrt(v<sub>j</sub>)), R with 1 on the diagonal and &rho; elsewhere, and the effects are
 * combined by generalized least squares:
 * y<sub>agg</sub> = 1'V<sup>-1</sup>y / 1'V<sup>-1</sup>1, v<sub>agg</sub> = 1/(1'V<sup>-1</sup>1).
 * With R<sup>-1</sup> = [I - &rho;/(1 + (m - 1)&rho;) 11']/(1 - &rho;) and a<sub>j</sub> =
 * 1/sqrt(v<sub>j</sub>) this needs no matrix: 1'V<sup>-1</sup>1 = [&Sigma;a<sub>j</sub><sup>2</sup> -
 * &rho;/(1 + (m-1)&rho;) (&Sigma;a<sub>j</sub>)<sup>2</sup>]/(1 - &rho;) and
 * 1'V<sup>-1</sup>y = [&Sigma;a<sub>j</sub><sup>2</sup>y<sub>j</sub> - &rho;/(1 + (m-1)&rho;)
 * &Sigma;a<sub>j</sub> &Sigma;a<sub>j</sub>y<sub>j</sub>]/(1 - &rho;). For &rho; = 0 this is the
 * inverse-variance weighted mean. V is positive definite only for -1/(m - 1) &lt; &rho; &lt; 1;
 * &rho; = 1 (allowed for single-effect clusters) is rejected when a cluster has several effects,
 * as metafor does.
 *
 * <p>Clusters are returned in order of first appearance. Reference: Borenstein, M., Hedges, L.
 * V., Higgins, J. P. T. &amp; Rothstein, H. R. (2009). <i>Introduction to Meta-Analysis</i>,
 * ch. 24. doi:10.1002/9780470743386
 */
public final class CompoundSymmetryAggregation {

    private final double rho;

    private CompoundSymmetryAggregation(double rho) {
        this.rho = rho;
    }

    /**
     * @param rho the assumed correlation between the sampling errors of effects of one cluster,
     *     in [-1, 1]
     * @return the aggregation
     * @throws IllegalArgumentException when rho is outside [-1, 1]
     */
    public static CompoundSymmetryAggregation of(double rho) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("rho must be in [-1, 1]: " + rho);
        }
        return new CompoundSymmetryAggregation(rho);
    }

    /** @return the assumed within-cluster correlation */
    public double rho() {
        return rho;
    }

    /**
     * @param cluster cluster of each effect
     * @param yi effect sizes
     * @param vi sampling variances
     * @return one aggregated effect per cluster, in order of first appearance
     * @throws InvalidEffectSizeException naming the effect for a non-finite effect size or a
     *     non-positive variance
     * @throws IllegalArgumentException when lengths differ, a cluster is null, or rho makes a
     *     cluster's covariance matrix singular or indefinite
     */
    public List<AggregatedEffect> aggregate(String[] cluster, double[] yi, double[] vi) {
        int k = yi.length;
        if (vi.length != k || cluster.length != k) {
            throw new IllegalArgumentException("cluster, yi and vi must have the same length");
        }
        Map<String, List<Integer>> groups = Clusters.byFirstAppearance(cluster);
        EffectSizeChecks.requireValid(yi, vi);
        List<AggregatedEffect> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<Integer>> e : groups.entrySet()) {
            List<Integer> idx = e.getValue();
            int m = idx.size();
            if (m == 1) {
                int i = idx.get(0);
                out.add(new AggregatedEffect(e.getKey(), yi[i], vi[i], 1));
                continue;
            }
            if (!(rho < 1 && rho > -1.0 / (m - 1))) {
                throw new IllegalArgumentException("rho = " + rho + " gives a covariance matrix that is not positive"
                    + " definite for cluster '" + e.getKey() + "' with " + m + " effects");
            }
            double sa = 0;
            double sa2 = 0;
            double say = 0;
            double sa2y = 0;
            for (int i : idx) {
                double a = 1 / Math.sqrt(vi[i]);
                sa += a;
                sa2 += a * a;
                say += a * yi[i];
                sa2y += a * a * yi[i];
            }
            double c = rho / (1 + (m - 1) * rho);
            double w = (sa2 - c * sa * sa) / (1 - rho);
            double wy = (sa2y - c * sa * say) / (1 - rho);
            out.add(new AggregatedEffect(e.getKey(), wy / w, 1 / w, m));
        }
        return List.copyOf(out);
    }
}
