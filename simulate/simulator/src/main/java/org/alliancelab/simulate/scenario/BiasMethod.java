package org.alliancelab.simulate.scenario;

import java.util.Locale;
import java.util.Optional;

/**
 * A publication-bias method run on every replication's unadjusted correlations of all
 * published studies (the synthesis's funnel), as listed in a scenario's
 * {@code analyses.biasMethods}.
 */
public enum BiasMethod {
    /** Egger's regression test (Egger et al. 1997, doi:10.1136/bmj.315.7109.629) and its limit estimate. */
    EGGER("egger"),
    /** Trim-and-fill, L0 on the left (Duval &amp; Tweedie 2000, doi:10.1111/j.0006-341X.2000.00455.x). */
    TRIM_AND_FILL("trimfill"),
    /** The three-parameter selection model, one step at p = .025 (Vevea &amp; Hedges 1995, doi:10.1007/BF02294384). */
    SELECTION_3PSM("3psm"),
    /** PET-PEESE with its conditional rule (Stanley &amp; Doucouliagos 2014, doi:10.1002/jrsm.1095). */
    PET_PEESE("petpeese");

    private final String key;

    BiasMethod(String key) {
        this.key = key;
    }

    /** @return the name in scenario files, e.g. {@code 3psm} */
    public String key() {
        return key;
    }

    /**
     * @param text a name as in scenario files, any case
     * @return the method, if the name is one
     */
    public static Optional<BiasMethod> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (BiasMethod m : values()) {
            if (m.key.equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
