package org.alliancelab.meta.confounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * E-values and robustness values against the papers' worked examples and hand computation.
 */
class ConfoundingTest {

    /**
     * Cinelli &amp; Hazlett (2020), section 5 (Darfur: effect of being directly harmed on
     * attitudes towards peace, t = 4.18445, df = 783): partial R<sup>2</sup> of the treatment with
     * the outcome 2.19% (sensemakr's documented 0.021873), RV<sub>1</sub> = 13.9% and
     * RV<sub>1,.05</sub> = 7.6%, as printed (to their precision).
     */
    @Test
    void darfurExampleOfCinelliAndHazlett() {
        RobustnessValue rv = RobustnessValue.ofT(4.18445, 783, 1, 0.05);
        assertEquals(0.021873, rv.partialR2(), 5e-7);
        assertEquals(0.139, rv.rvQ(), 5e-4);
        assertEquals(0.076, rv.rvQAlpha(), 5e-4);
    }

    /** Hand computation from the formulas, for q = 1/2 and a partial correlation. */
    @Test
    void robustnessValueFromTheFormulas() {
        double t = 3;
        double df = 100;
        double fq = 0.5 * t / Math.sqrt(df);                       // 0.15
        double rv = 0.5 * (Math.sqrt(Math.pow(fq, 4) + 4 * fq * fq) - fq * fq);
        RobustnessValue r = RobustnessValue.ofT(t, df, 0.5, 0.05);
        assertEquals(rv, r.rvQ(), 1e-15);
        assertEquals(9.0 / 109, r.partialR2(), 1e-15);
        // f_q = 0.15 below f* = t_.975,99 / sqrt(99) = 1.984217 / 9.949874 = 0.199421: not robust at alpha
        assertEquals(0, r.rvQAlpha(), 0);
        // the partial correlation with the same t: r = t / sqrt(t^2 + df)
        RobustnessValue p = RobustnessValue.ofPartialCorrelation(3 / Math.sqrt(109), df, 0.5, 0.05);
        assertEquals(r.rvQ(), p.rvQ(), 1e-14);
        // a huge effect: the unbounded branch (f_q > 1 / f*), (f_q^2 - f*^2) / (1 + f_q^2)
        RobustnessValue big = RobustnessValue.ofT(200, 100, 1, 0.05);
        double crit = 1.9842169515864172 / Math.sqrt(99); // R: qt(0.975, 99)
        assertEquals((400 - crit * crit) / 401, big.rvQAlpha(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> RobustnessValue.ofT(1, 1, 1, 0.05));
    }

    /**
     * VanderWeele &amp; Ding (2017), the worked example: an observed risk ratio of 3.9 has
     * E-value 7.26; its lower confidence limit 1.8 has E-value 3.0 (both as printed).
     */
    @Test
    void eValuesOfVanderWeeleAndDing() {
        assertEquals(7.26, EValue.ofRiskRatio(3.9), 5e-3);
        assertEquals(3.0, EValue.ofRiskRatio(1.8), 5e-2);
        assertEquals(EValue.ofRiskRatio(3.9), EValue.ofRiskRatio(1 / 3.9), 1e-12);
        assertEquals(1, EValue.ofRiskRatio(1), 0);
    }

    /** The correlation scale, by hand: r = .28 gives d = .56/sqrt(.9216), RR = exp(.91 d). */
    @Test
    void eValueOfACorrelation() {
        double d = 2 * 0.28 / Math.sqrt(1 - 0.28 * 0.28);
        double rr = Math.exp(0.91 * d);
        EValue e = EValue.ofCorrelation(0.28, 0.25, 0.31);
        assertEquals(rr, e.riskRatio(), 1e-12);
        assertEquals(rr + Math.sqrt(rr * (rr - 1)), e.eValue(), 1e-12);
        double rrLow = Math.exp(0.91 * 2 * 0.25 / Math.sqrt(1 - 0.0625));
        assertEquals(rrLow + Math.sqrt(rrLow * (rrLow - 1)), e.eValueCi(), 1e-12);
        assertEquals(1, EValue.ofCorrelation(0.05, -0.01, 0.11).eValueCi(), 0);
        // a negative correlation uses its upper bound, the one closest to 0
        assertEquals(e.eValue(), EValue.ofCorrelation(-0.28, -0.31, -0.25).eValue(), 1e-12);
        assertEquals(e.eValueCi(), EValue.ofCorrelation(-0.28, -0.31, -0.25).eValueCi(), 1e-12);
    }
}
