package org.alliancelab.cli.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One column of a {@link StudyTable}, with typed access that reports bad cells as
 * {@link InputException}s naming the file, line and column.
 *
 * <p>Numbers are plain decimals with an optional exponent ({@code -0.25}, {@code 1e-3});
 * {@code NaN}, {@code Inf}, hexadecimal and Java type suffixes are rejected, and so are empty
 * cells and {@code NA}, the missing values ({@link #isMissing(int)}): a model that may leave such a
 * study out selects its rows first ({@link CompleteCases}); nothing drops a study silently.
 */
public final class Column {


    private final StudyTable table;
    private final String name;
    private final int position;

    Column(StudyTable table, String name, int position) {
        this.table = table;
        this.name = name;
        this.position = position;
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the number of cells (= rows of the table) */
    public int size() {
        return table.size();
    }

    /**
     * @param row zero-based data row
     * @return the cell text (unquoted; unquoted cells are trimmed)
     */
    public String text(int row) {
        return table.cell(row, position);
    }

    /** @return every cell as text, in row order */
    public List<String> texts() {
        List<String> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(text(i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param row zero-based data row
     * @return whether the cell is empty or {@code NA}
     */
    public boolean isMissing(int row) {
        String s = text(row).strip();
        return s.isEmpty() || s.equals("NA");
    }

    /**
     * Every cell as a label (subgroup level, cluster, category), stripped of surrounding blanks.
     *
     * @param requirement completes the error "missing value (...)", e.g. "every study needs a
     *     subgroup"
     * @return the labels in row order
     * @throws InputException at the first missing cell
     */
    public String[] labels(String requirement) {
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            if (isMissing(i)) {
                throw error(i, "missing value (" + requirement + ")");
            }
            out[i] = text(i).strip();
        }
        return out;
    }

    /**
     * @param row zero-based data row
     * @return whether the cell is a number that {@link #number(int)} accepts (a missing cell
     *     is not)
     */
    public boolean isNumber(int row) {
        String s = text(row).strip();
        return isDecimal(s) && Double.isFinite(Double.parseDouble(s));
    }

    /**
     * @param row zero-based data row
     * @return the cell as a finite number
     * @throws InputException when the cell is missing or not a number
     */
    public double number(int row) {
        if (isMissing(row)) {
            throw table.cellError(row, name, "missing value (every study needs one)");
        }
        String s = text(row).strip();
        if (!isDecimal(s)) {
            throw table.cellError(row, name, "not a number: '" + s + "'");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw table.cellError(row, name, "number out of range: '" + s + "'");
        }
        return v;
    }

    /**
     * @param row zero-based data row
     * @return the cell as a whole number ({@code 120} and {@code 120.0} are accepted)
     * @throws InputException when the cell is missing, not a number or not a whole number
     */
    public int wholeNumber(int row) {
        double v = number(row);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw table.cellError(row, name, "must be a whole number, got " + text(row).strip());
        }
        return (int) v;
    }

    /**
     * @return every cell as a number
     * @throws InputException naming the first bad cell
     */
    public double[] numbers() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(i);
        }
        return out;
    }

    /**
     * @return every cell as a whole number
     * @throws InputException naming the first bad cell
     */
    public int[] wholeNumbers() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = wholeNumber(i);
        }
        return out;
    }

    /**
     * @param row zero-based data row
     * @param problem what is wrong with the cell
     * @return an exception located at the cell, for checks that callers make themselves
     */
    public InputException error(int row, String problem) {
        return table.cellError(row, name, problem);
    }

    /**
     * Whether s is a plain decimal, {@code [+-]?(d+.?d*|.d+)([eE][+-]?d+)?} with ASCII digits:
     * scanned by hand, as a regular expression costs more than the rest of reading a cell.
     */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
