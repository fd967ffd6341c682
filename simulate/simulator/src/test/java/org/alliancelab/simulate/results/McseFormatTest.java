package org.alliancelab.simulate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class McseFormatTest {
    @Test
    void twoSignificantDigitsNeverZero() {
        assertEquals("0.00022", McseFormat.twoSignificant(0.000224));
        assertEquals("0.70", McseFormat.twoSignificant(0.7));
        assertEquals("0.0071", McseFormat.twoSignificant(0.00712));
        assertEquals("12", McseFormat.twoSignificant(12.3));
        assertEquals("0", McseFormat.twoSignificant(0));
    }

    @Test
    void estimateShowsTheDigitsTheMcseSupports() {
        assertEquals("0.28184 ± 0.00022", McseFormat.estimate(0.281842, 0.000224));
        assertEquals("0.2818 ± 0.0071", McseFormat.estimate(0.281842, 0.00712));
    }

    /** 0 and 1 have a plug-in MCSE of 0; the rule of three bounds them instead (3/1000). */
    @Test
    void proportionsAtTheBoundsGetOneSidedBounds() {
        assertEquals("0.0% (< 0.30%)", McseFormat.proportion(0, 0, 1000));
        assertEquals("100.0% (> 99.7%)", McseFormat.proportion(1, 0, 1000));
        assertEquals("5.1% ± 0.70", McseFormat.proportion(0.051, 0.00696, 1000));
    }

    /** An MCSE of exactly 0 belongs to a constant (mean k fixed by the design): it is never printed. */
    @Test
    void aZeroMcseIsLeftOut() {
        assertEquals("66.0000", McseFormat.estimate(66, 0));
        assertEquals("50.0%", McseFormat.proportion(0.5, 0, 200));
        assertEquals(new McseFormat.Parts("66.0", ""), McseFormat.parts(66, 0, 200, false, 1));
        assertEquals(new McseFormat.Parts("66.0", ""), McseFormat.parts(66, Double.NaN, 200, false, 1));
    }

    /** The rule of three bounds a proportion, not a count per replication that happens to be 0 or 1. */
    @Test
    void theRuleOfThreeIsForProportionsOnly() {
        assertEquals(new McseFormat.Parts("0.000", "< 0.015, one-sided 95%"), McseFormat.parts(0, 0, 200, true, 3));
        assertEquals(new McseFormat.Parts("1.000", "> 0.985, one-sided 95%"), McseFormat.parts(1, 0, 200, true, 3));
        assertEquals(new McseFormat.Parts("0.000", ""), McseFormat.parts(0, 0, 200, false, 3));
        assertEquals(new McseFormat.Parts("1.000", ""), McseFormat.parts(1, 0, 200, false, 3));
        assertTrue(MeasureNames.isProportion(MeasureNames.COVERAGE));
        assertTrue(MeasureNames.isProportion(MeasureNames.REJECTION_RATE));
        assertTrue(MeasureNames.isProportion(MeasureNames.SHARE_NEGATIVE));
        assertFalse(MeasureNames.isProportion(MeasureNames.MEAN_INVALID_DRAWS));
        assertFalse(MeasureNames.isProportion(MeasureNames.MEAN_SUPPRESSED));
        assertFalse(MeasureNames.isProportion(MeasureNames.MEAN_K));
    }

    /** The value is printed to the MCSE's last digit, so a tiny value does not read 0.0000 beside its MCSE. */
    @Test
    void valueAndMcseBothShowSignificantDigits() {
        assertEquals(new McseFormat.Parts("0.000000031", "0.000000027"), McseFormat.parts(3.1e-8, 2.7e-8, 200, false, 4));
        assertEquals(new McseFormat.Parts("0.925", "0.019"), McseFormat.parts(0.925, 0.0186, 200, true, 3));
        assertEquals(new McseFormat.Parts("0.28184", "0.00048"), McseFormat.parts(0.281842, 0.00048, 200, false, 3));
    }
}
