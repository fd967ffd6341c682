package org.alliancelab.report;

import java.util.Locale;

/** Number formatting for the report: fixed decimals, "–" for undefined values, no "-0.000". */
final class Numbers {

    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** @return a grid level without trailing zeros, e.g. 0.6, 1, 0.15 */
    static String level(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
