package org.alliancelab.report;

import java.util.Locale;

/** Number formatting for the report: fixed decimals, "–" for undefined values, no "-0.000". */
public final class Numbers {

    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /**
     * A grid factor's level as the scenario gives it, in the report and on the terminal alike:
     * an integer without decimals ("66"), any other value with the fewest decimals that read
     * back as the same double ("0.15", not "0.150": Java's shortest round-trip digits), never in
     * scientific notation. Not for CSV or JSON, which keep their own number formats.
     *
     * @param v the level
     * @return it as text, e.g. 0.6, 1, 0.15; NA when not finite
     */
    public static String level(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
