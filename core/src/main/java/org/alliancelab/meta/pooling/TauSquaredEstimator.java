package org.alliancelab.meta.pooling;

/**
 * Estimators of the between-study variance tau<sup>2</sup>, named as in metafor's
 * {@code rma(method = ...)}. Formulas are for the intercept-only model with k studies,
 * w<sub>i</sub> = 1/v<sub>i</sub>, and Q the Cochran statistic; all estimates are truncated at 0.
 *
 * <p>Reference: Veroniki, A. A. et al. (2016). Methods to estimate the between-study variance and
 * its uncertainty in meta-analysis. <i>Research Synthesis Methods</i>, 7, 55-79.
 * doi:10.1002/jrsm.1164
 */
public enum TauSquaredEstimator {
    /** Common-effect ("equal-effects") model: tau<sup>2</sup> is fixed at 0. */
    EE,
    /**
     * DerSimonian-Laird: (Q - (k - 1)) / (&Sigma;w - &Sigma;w<sup>2</sup>/&Sigma;w).
     * doi:10.1016/0197-2456(86)90046-2
     */
    DL,
    /**
     * Hedges (variance components): (&Sigma;(y - &#x0233;)<sup>2</sup> - (k-1)/k &Sigma;v) / (k - 1),
     * with the unweighted mean &#x0233;.
     */
    HE,
    /** Hunter-Schmidt: (Q - k) / &Sigma;w. */
    HS,
    /** Hunter-Schmidt with small-sample correction: (k/(k-1) Q - k) / &Sigma;w. */
    HSK,
    /**
     * Sidik-Jonkman: &tau;<sub>0</sub> Q(&tau;<sub>0</sub>) / (k - 1) with the crude start
     * &tau;<sub>0</sub> = &Sigma;(y - &#x0233;)<sup>2</sup>/k. doi:10.1002/sim.2688
     */
    SJ,
    /** Maximum likelihood, by Fisher scoring from the HE estimate. */
    ML,
    /** Restricted maximum likelihood, by Fisher scoring from the HE estimate. */
    REML,
    /** Empirical Bayes (Morris), by Fisher scoring; at convergence equal to {@link #PM}. */
    EB,
    /**
     * Paule-Mandel: the root of Q(&tau;<sup>2</sup>) = k - 1, where Q(&tau;<sup>2</sup>) is the
     * generalized Q statistic with weights 1/(v + &tau;<sup>2</sup>). doi:10.6028/jres.087.022
     */
    PM;

    /**
     * Parses an estimator name case-insensitively (metafor's "FE" and "CE" are accepted for EE).
     *
     * @param name e.g. "REML"
     * @return the estimator
     * @throws IllegalArgumentException naming the accepted values when the name is unknown
     */
    public static TauSquaredEstimator parse(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (n.equals("FE") || n.equals("CE")) {
            return EE;
        }
        for (TauSquaredEstimator e : values()) {
            if (e.name().equals(n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown method '" + name
            + "' (expected one of EE, DL, HE, HS, HSK, SJ, ML, REML, EB, PM)");
    }
}
