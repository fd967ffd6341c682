package org.alliancelab.simulate.model;

import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.internal.SmallMatrices;

/**
 * Large-sample correlation between the sampling errors of {@code z(r)} and
 * {@code z(partial r)} within one study, by the delta method.
 *
 * <p>Under multivariate normality the sample covariance {@code S} of the analysis variables
 * (exposure, outcome, adjustment set) has asymptotic covariance
 * {@code n Cov(s_ij, s_kl) = sigma_ik sigma_jl + sigma_il sigma_jk} (Anderson 2003, An
 * Introduction to Multivariate Statistical Analysis, 3rd ed., Thm 3.4.4). With
 * {@code f(S) = atanh(r_xy)} and {@code g(S) = atanh(r_xy.Z)} and their gradients {@code a, b}
 * over the distinct elements of {@code S} (central finite differences at the population
 * covariance), the correlation is {@code a' V b / sqrt(a' V a  b' V b)}. It is a population
 * quantity: it does not depend on n.
 */
public final class SamplingCorrelation {
    private static final double STEP = 1e-5;

    private SamplingCorrelation() {
    }

    /**
     * @param cov population covariance of exposure, outcome, then the covariates (q x q, q &gt;= 2)
     * @return the correlation of the sampling errors of z(r) and z(partial r); 1 when q = 2
     */
    public static double deltaMethod(double[][] cov) {
        int q = cov.length;
        int m = q * (q + 1) / 2;
        int[] ei = new int[m];
        int[] ej = new int[m];
        int e = 0;
        for (int i = 0; i < q; i++) {
            for (int j = i; j < q; j++) {
                ei[e] = i;
                ej[e] = j;
                e++;
            }
        }
        double[] ga = new double[m];
        double[] gb = new double[m];
        double[][] work = new double[q][q];
        for (int k = 0; k < m; k++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int i = 0; i < q; i++) {
                    System.arraycopy(cov[i], 0, work[i], 0, q);
                }
                work[ei[k]][ej[k]] += sign * STEP;
                if (ei[k] != ej[k]) {
                    work[ej[k]][ei[k]] += sign * STEP;
                }
                double fa = Correlations.toFisherZ(work[0][1] / Math.sqrt(work[0][0] * work[1][1]));
                double fb = Correlations.toFisherZ(SmallMatrices.partialCorrelation(work));
                ga[k] += sign * fa / (2 * STEP);
                gb[k] += sign * fb / (2 * STEP);
            }
        }
        double vaa = 0;
        double vbb = 0;
        double vab = 0;
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < m; l++) {
                double c = cov[ei[k]][ei[l]] * cov[ej[k]][ej[l]] + cov[ei[k]][ej[l]] * cov[ej[k]][ei[l]];
                vaa += ga[k] * ga[l] * c;
                vbb += gb[k] * gb[l] * c;
                vab += ga[k] * gb[l] * c;
            }
        }
        return Math.max(-1, Math.min(1, vab / Math.sqrt(vaa * vbb)));
    }
}
