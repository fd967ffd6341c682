package org.alliancelab.simulate.montecarlo.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of the output files (RFC 4180): comma separated, "\n" line ends, a field
 * quoted with double quotes when it contains a comma, quote or line break (quotes doubled).
 * Numbers are written so that reading them back gives the same double: integral values below
 * 10<sup>15</sup> in magnitude as integers, others by {@link Double#toString(double)}, NaN as
 * {@code NA}, infinities as {@code Inf} and {@code -Inf} (R's and pandas' defaults read all of
 * them).
 */
public final class Csv {
    private Csv() {
    }

    /**
     * @param x a number
     * @return its CSV text, exactly readable by {@link #parseNumber(String)}
     */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15 && !(x == 0 && 1 / x < 0)) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /**
     * @param s text written by {@link #number(double)}
     * @return the number
     * @throws NumberFormatException when the text is not a number
     */
    public static double parseNumber(String s) {
        switch (s) {
            case "NA":
                return Double.NaN;
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    /**
     * @param s a text field
     * @return the field, quoted when needed
     */
    public static String text(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Splits one line into fields (a quoted field may not contain a line break here: the
     * writers replace line breaks in free text by spaces).
     *
     * @param line one CSV line without its line end
     * @return the fields, unquoted
     * @throws IllegalArgumentException on an unterminated quote
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            f.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    f.append(line.charAt(i++));
                }
            }
            out.add(f.toString());
            if (i >= n) {
                return out;
            }
            if (line.charAt(i) != ',') {
                throw new IllegalArgumentException("text after a closing quote");
            }
            i++;
        }
    }
}
