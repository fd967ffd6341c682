package org.alliancelab.simulate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
