package org.alliancelab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancelab.meta.pooling.MetaAnalysisResult;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One block of a forest plot: the studies of one subgroup (or all studies) and their pooled row.
 *
 * @param title subgroup name shown above the block, or the empty string for none
 * @param studies the study rows, in display order (at least one)
 * @param pooled the pooled row
 */
public record ForestPanel(String title, List<ForestStudy> studies, ForestSummary pooled) {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** @throws IllegalArgumentException when there is no study */
    public ForestPanel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pooled, "pooled");
        studies = List.copyOf(studies);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("a forest panel needs at least one study");
        }
    }

    /**
     * Builds a panel from effect sizes and the model fitted to them, as metafor's
     * {@code forest.rma} does: study intervals y<sub>i</sub> &plusmn; z<sub>(1+level)/2</sub>
     * sqrt(v<sub>i</sub>) (normal quantile even when the pooled test is Knapp-Hartung), weights
     * 100 w<sub>i</sub> / &Sigma;w<sub>j</sub> with w<sub>i</sub> = 1/(v<sub>i</sub> + &tau;&#x0302;<sup>2</sup>).
     *
     * @param title subgroup name, or "" for none
     * @param labels study labels
     * @param yi effect sizes on the analysis scale
     * @param vi their sampling variances
     * @param fit the model fitted to {@code yi, vi}
     * @return the panel
     * @throws IllegalArgumentException when the lengths differ or do not match {@code fit.k()}
     */
    public static ForestPanel of(String title, List<String> labels, double[] yi, double[] vi,
                                 MetaAnalysisResult fit) {
        int k = yi.length;
        if (labels.size() != k || vi.length != k || fit.k() != k) {
            throw new IllegalArgumentException("labels, yi, vi and the fit must have the same k: "
                + labels.size() + ", " + k + ", " + vi.length + ", " + fit.k());
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + fit.level() / 2);
        double tau2 = Double.isFinite(fit.tau2()) ? fit.tau2() : 0.0;
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            sumW += 1 / (vi[i] + tau2);
        }
        List<ForestStudy> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double half = z * Math.sqrt(vi[i]);
            rows.add(new ForestStudy(labels.get(i), yi[i], yi[i] - half, yi[i] + half,
                100 * (1 / (vi[i] + tau2)) / sumW));
        }
        return new ForestPanel(title, rows, ForestSummary.of(fit));
    }
}
