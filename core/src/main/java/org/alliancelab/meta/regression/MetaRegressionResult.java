package org.alliancelab.meta.regression;

import java.util.List;
import org.alliancelab.meta.pooling.InferenceTest;
import org.alliancelab.meta.pooling.TauSquaredEstimator;

/**
 * The result of a mixed-effects meta-regression.
 *
 * @param k number of studies
 * @param estimator residual tau<sup>2</sup> estimator
 * @param test z or Knapp-Hartung
 * @param level confidence level
 * @param coefficients in design-matrix order, intercept first (immutable)
 * @param tau2 residual between-study variance
 * @param tau2Se its standard error as metafor gives it (NaN for EE)
 * @param i2 residual I<sup>2</sup> in percent, 100 &tau;&#x0302;<sup>2</sup>/(&tau;&#x0302;<sup>2</sup>
 *     + v&#x0303;), v&#x0303; = (k - p)/tr(P) with P computed from weights 1/v<sub>i</sub>
 * @param h2 residual H<sup>2</sup> = &tau;&#x0302;<sup>2</sup>/v&#x0303; + 1
 * @param qe test of residual heterogeneity QE = &Sigma;(y<sub>i</sub> -
 *     x<sub>i</sub>'b<sub>FE</sub>)<sup>2</sup>/v<sub>i</sub>, chi-squared with k - p df
 * @param qeP p-value of QE
 * @param qm omnibus test of the moderators (all coefficients except the intercept):
 *     b'V<sup>-1</sup>b over those coefficients, chi-squared with m df; for Knapp-Hartung divided
 *     by m and F with (m, k - p) df; NaN for an intercept-only model
 * @param qmDf m, the number of coefficients tested
 * @param qmP p-value of QM
 * @param r2 pseudo-R<sup>2</sup> in percent, max(0, 100 (&tau;<sup>2</sup><sub>RE</sub> -
 *     &tau;<sup>2</sup><sub>ME</sub>)/&tau;<sup>2</sup><sub>RE</sub>), with the intercept-only
 *     model fitted by the same estimator (0 when &tau;<sup>2</sup><sub>RE</sub> = 0; NaN for an
 *     intercept-only model)
 * @param iterations Fisher-scoring iterations of the tau<sup>2</sup> estimator (0 for the closed forms and Paule-Mandel, as for the intercept-only model)
 */
public record MetaRegressionResult(int k, TauSquaredEstimator estimator, InferenceTest test, double level,
                                   List<Coefficient> coefficients, double tau2, double tau2Se,
                                   double i2, double h2, double qe, double qeP,
                                   double qm, int qmDf, double qmP, double r2, int iterations) {

    /**
     * @param k number of studies
     * @param estimator estimator
     * @param test test
     * @param level confidence level
     * @param coefficients coefficients
     * @param tau2 tau squared
     * @param tau2Se its SE
     * @param i2 I squared
     * @param h2 H squared
     * @param qe QE
     * @param qeP its p-value
     * @param qm QM
     * @param qmDf its df
     * @param qmP its p-value
     * @param r2 pseudo R squared
     * @param iterations iterations
     */
    public MetaRegressionResult {
        coefficients = List.copyOf(coefficients);
    }

    /** @return number of coefficients p */
    public int p() {
        return coefficients.size();
    }

    /**
     * @param name a coefficient name
     * @return that coefficient
     * @throws IllegalArgumentException when there is none of that name
     */
    public Coefficient coefficient(String name) {
        for (Coefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no coefficient '" + name + "'");
    }
}
