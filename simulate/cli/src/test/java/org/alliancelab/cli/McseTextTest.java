package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class McseTextTest {
    @Test
    void twoSignificantDigitsNeverZero() {
        assertEquals("0.00022", McseText.twoSignificant(0.000224));
        assertEquals("0.70", McseText.twoSignificant(0.7));
        assertEquals("0.0071", McseText.twoSignificant(0.00712));
        assertEquals("12", McseText.twoSignificant(12.3));
        assertEquals("0", McseText.twoSignificant(0));
    }

    @Test
    void estimateShowsTheDigitsTheMcseSupports() {
        assertEquals("0.28184 ± 0.00022", McseText.estimate(0.281842, 0.000224));
        assertEquals("0.2818 ± 0.0071", McseText.estimate(0.281842, 0.00712));
    }

    /** 0 and 1 have a plug-in MCSE of 0; the rule of three bounds them instead (3/1000). */
    @Test
    void proportionsAtTheBoundsGetOneSidedBounds() {
        assertEquals("0.0% (< 0.30%)", McseText.proportion(0, 0, 1000));
        assertEquals("100.0% (> 99.7%)", McseText.proportion(1, 0, 1000));
        assertEquals("5.1% ± 0.70", McseText.proportion(0.051, 0.00696, 1000));
    }
}
