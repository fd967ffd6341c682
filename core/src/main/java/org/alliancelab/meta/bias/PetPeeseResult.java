package org.alliancelab.meta.bias;

import org.alliancelab.meta.regression.Coefficient;
import org.alliancelab.meta.regression.MetaRegressionResult;

/**
 * PET, PEESE and the conditional estimate ({@link PetPeese}).
 *
 * @param pet the meta-regression on the standard error ({@code mods = ~ sqrt(vi)})
 * @param peese the meta-regression on the sampling variance ({@code mods = ~ vi})
 * @param alpha the significance level of the rule
 * @param chosen PEESE when PET's intercept differs from 0 at {@code alpha} (two-sided), else PET
 */
public record PetPeeseResult(MetaRegressionResult pet, MetaRegressionResult peese, double alpha, Choice chosen) {

    /** Which regression the conditional rule chose. */
    public enum Choice {
        /** PET did not reject a zero effect: its intercept is the estimate. */
        PET,
        /** PET rejected a zero effect: PEESE's intercept is the estimate. */
        PEESE
    }

    /** @return PET's intercept, the effect at SE = 0, with its test of a zero effect */
    public Coefficient petIntercept() {
        return pet.coefficients().get(0);
    }

    /** @return PEESE's intercept, the effect at v = 0 */
    public Coefficient peeseIntercept() {
        return peese.coefficients().get(0);
    }

    /** @return the chosen regression's intercept: the PET-PEESE estimate with its inference */
    public Coefficient estimate() {
        return chosen == Choice.PEESE ? peeseIntercept() : petIntercept();
    }
}
