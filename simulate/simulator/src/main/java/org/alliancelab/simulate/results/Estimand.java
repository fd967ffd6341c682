package org.alliancelab.simulate.results;

import java.util.List;
import org.alliancelab.meta.effectsize.Correlations;
import org.alliancelab.simulate.model.TruthValues;

/**
 * What a simulated analysis is compared with: the population quantities of a condition
 * ({@link TruthValues}), named as {@code summary.json}, {@code summary.csv} and
 * {@code truth --format json} name them.
 *
 * <p>The four correlations are the targets of a pooled correlation (bias, RMSE and coverage are
 * reported against each); {@link #DIFFERENCE} is the target of the adjusted-versus-unadjusted
 * difference tests, atanh(adjusted) - atanh(unadjusted) on the Fisher-z scale; the two effects
 * are standardized path quantities, reported as truths only.
 */
public enum Estimand {
    /** Correlation of observed exposure and observed outcome. */
    UNADJUSTED("unadjusted"),
    /** Partial correlation given the observed adjustment set. */
    ADJUSTED("adjusted"),
    /** Partial correlation given the error-free covariates. */
    ADJUSTED_LATENT("adjusted_latent"),
    /** Correlation of exposure and outcome under do(exposure). */
    CAUSAL("causal"),
    /** Standardized total causal effect of the exposure on the outcome. */
    TOTAL_EFFECT("total_effect"),
    /** Standardized direct effect (the path coefficient exposure to outcome). */
    DIRECT_EFFECT("direct_effect"),
    /** atanh(adjusted) - atanh(unadjusted): what the difference tests estimate (z scale). */
    DIFFERENCE("difference"),
    /** Session-by-session designs: the mean within-person cross-lagged effect c_xy (causal). */
    CROSS_LAGGED("cross_lagged"),
    /** Session-by-session designs: the limit of the naive pooled lagged regression's slope. */
    NAIVE_LAGGED_LIMIT("naive_lagged_limit"),
    /** Session-by-session designs: the limit of the within-person slope at T sessions (Nickell bias included). */
    WITHIN_LAGGED_LIMIT("within_lagged_limit"),
    /** The population Wald ratio cov(Z, Y) / cov(Z, X) of an encouragement trial's observed variables. */
    IV_ESTIMAND("iv_estimand"),
    /**
     * The causal effect of the exposure on the outcome on the scale of the IV estimate,
     * {@code total_effect * sqrt(rel_y / rel_x)} ({@link org.alliancelab.simulate.model.InstrumentalTruth}).
     */
    IV_CAUSAL_EFFECT("iv_causal_effect");

    /** The targets of a pooled correlation, in report order. */
    public static final List<Estimand> CORRELATIONS = List.of(UNADJUSTED, ADJUSTED, ADJUSTED_LATENT, CAUSAL);
    /** The fields of {@link TruthValues}, in the order every output lists them. */
    public static final List<Estimand> TRUTHS = List.of(UNADJUSTED, ADJUSTED, ADJUSTED_LATENT, CAUSAL,
        TOTAL_EFFECT, DIRECT_EFFECT);

    private final String key;

    Estimand(String key) {
        this.key = key;
    }

    /** @return the name in the output files, e.g. {@code adjusted_latent} */
    public String key() {
        return key;
    }

    /**
     * @param truth population values of a condition
     * @return this estimand's value
     * @throws IllegalArgumentException for the IV estimands, which are not fields of TruthValues
     */
    public double of(TruthValues truth) {
        switch (this) {
            case UNADJUSTED:
                return truth.unadjusted();
            case ADJUSTED:
                return truth.adjusted();
            case ADJUSTED_LATENT:
                return truth.adjustedLatent();
            case CAUSAL:
                return truth.causal();
            case TOTAL_EFFECT:
                return truth.totalEffect();
            case DIRECT_EFFECT:
                return truth.directEffect();
            case DIFFERENCE:
                return Correlations.toFisherZ(truth.adjusted()) - Correlations.toFisherZ(truth.unadjusted());
            default:
                // the panel and IV estimands are not functions of the cross-sectional truths
                // (PanelTruth, InstrumentalTruth)
                return Double.NaN;
        }
    }

    /**
     * @param key a name as in the output files
     * @return the estimand
     * @throws IllegalArgumentException when no estimand has that name
     */
    public static Estimand ofKey(String key) {
        for (Estimand e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown estimand '" + key + "'");
    }

    /**
     * Builds population values from their estimands (the inverse of {@link #of}).
     *
     * @param value the value of each of {@link #TRUTHS} (NaN where unknown)
     * @return the truth values
     */
    public static TruthValues truthValues(java.util.function.ToDoubleFunction<Estimand> value) {
        return new TruthValues(value.applyAsDouble(UNADJUSTED), value.applyAsDouble(ADJUSTED),
            value.applyAsDouble(ADJUSTED_LATENT), value.applyAsDouble(CAUSAL), value.applyAsDouble(TOTAL_EFFECT),
            value.applyAsDouble(DIRECT_EFFECT));
    }
}
