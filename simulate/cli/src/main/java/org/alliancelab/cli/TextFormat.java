package org.alliancelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/**
 * Number formatting and the JSON writer shared by the commands' reports: fixed decimals in
 * the root locale, R's {@code format.pval} style for p-values, aligned tables, and JSON with
 * {@code null} for values that do not exist.
 */
final class TextFormat {

    private TextFormat() {
    }

    /** NaN and infinities are not JSON numbers: they become null. */
    static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * @param fields a map (in key order), list or value tree of maps, lists, strings and numbers
     * @return one pretty-printed JSON document and a line end
     */
    static String json(Object fields) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(fields) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the result", e);
        }
    }

    /** A confidence level as a percentage without trailing zeros: 0.95 gives "95%". */
    static String percent(double level) {
        String s = String.format(Locale.ROOT, "%.4f", 100 * level).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    /** Fixed decimals; NaN prints as "NA"; beyond 1e15 in magnitude scientific (6.0214e+299), as R does. */
    static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e15 ? "%." + digits + "e" : "%." + digits + "f", v);
    }

    /** Like R's format.pval: values below 10^-digits print as "<.0001". */
    static String pValue(double p, int digits, boolean withOperator) {
        if (Double.isNaN(p)) {
            return withOperator ? "= NA" : "NA";
        }
        double limit = Math.pow(10, -digits);
        if (p < limit) {
            return (withOperator ? "< " : "<") + fixed(limit, digits).replaceFirst("^0", "");
        }
        return (withOperator ? "= " : "") + fixed(p, digits);
    }

    /** A one-row table: right-aligned columns separated by two spaces. */
    static String table(String[] header, String[] values, String nl) {
        return table(header, List.<String[]>of(values), false, nl);
    }

    /**
     * A table with right-aligned columns separated by two spaces.
     *
     * @param header the column headings
     * @param rows the rows, each as long as the header
     * @param firstLeft whether the first column (row names) is left-aligned
     * @param nl the line separator
     * @return the table, one line per row after the header
     */
    static String table(String[] header, List<String[]> rows, boolean firstLeft, String nl) {
        int[] w = new int[header.length];
        for (int j = 0; j < header.length; j++) {
            w[j] = header[j].length();
            for (String[] row : rows) {
                w[j] = Math.max(w[j], row[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w, firstLeft);
        sb.append(nl);
        for (String[] row : rows) {
            line(sb, row, w, firstLeft);
            sb.append(nl);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] w, boolean firstLeft) {
        int start = sb.length();
        for (int j = 0; j < cells.length; j++) {
            if (j > 0) {
                sb.append("  ");
            }
            if (w[j] == 0) {
                // an all-empty column (no significance stars): "%0s" is not a valid format
                continue;
            }
            String align = j == 0 && firstLeft ? "-" : "";
            sb.append(String.format(Locale.ROOT, "%" + align + w[j] + "s", cells[j]));
        }
        // a left-aligned last column would leave trailing blanks
        int end = sb.length();
        while (end > start && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
    }
}
