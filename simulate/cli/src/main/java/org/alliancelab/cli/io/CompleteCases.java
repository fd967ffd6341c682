package org.alliancelab.cli.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The studies one model uses when those with a missing value (an empty or {@code NA} cell, see
 * {@link Column#isMissing(int)}) in one of the model's columns are left out, as R's
 * {@code na.omit}, metafor's default {@code na.action}, does in {@code rma(yi, vi, mods = ...)}.
 * Each model chooses its own columns, so each leaves out only the studies it cannot use. The
 * effect-size columns are not among them: {@link EffectSizeReader} has already refused a missing
 * effect size.
 *
 * <p>Immutable. The studies kept keep their labels and their lines in the file, so that errors and
 * summaries still name the file's rows.
 */
public final class CompleteCases {

    /** A study left out: where it is and which of the model's columns it has no value in. */
    public record Omitted(int row, int line, String label, List<String> missing) {
        /**
         * @param row 1-based data row (the header not counted), R's row number of the data frame
         * @param line 1-based physical line in the file
         * @param label the study's label ({@code study} column, or "Study row")
         * @param missing the model's columns whose cell is missing, in the model's order
         */
        public Omitted {
            missing = List.copyOf(missing);
        }
    }

    private final StudyData input;
    private final StudyData used;
    private final List<String> missingColumns;
    private final List<Omitted> omitted;

    private CompleteCases(StudyData input, StudyData used, List<String> missingColumns, List<Omitted> omitted) {
        this.input = input;
        this.used = used;
        this.missingColumns = missingColumns;
        this.omitted = omitted;
    }

    /**
     * @param data the studies of a file
     * @param columns the columns the model needs a value in (an empty list keeps every study)
     * @return the studies with a value in each of the columns
     * @throws InputException located at the header when a column is missing from it; in the file
     *     when every study lacks a value in one of the columns
     */
    public static CompleteCases of(StudyData data, List<String> columns) {
        List<Column> cols = new ArrayList<>(columns.size());
        for (String c : columns) {
            cols.add(data.column(c));
        }
        boolean[] keep = new boolean[data.k()];
        List<Omitted> omitted = new ArrayList<>();
        boolean[] anyMissing = new boolean[cols.size()];
        for (int i = 0; i < keep.length; i++) {
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < cols.size(); j++) {
                if (cols.get(j).isMissing(i)) {
                    missing.add(columns.get(j));
                    anyMissing[j] = true;
                }
            }
            keep[i] = missing.isEmpty();
            if (!keep[i]) {
                omitted.add(new Omitted(i + 1, data.line(i), data.label(i), missing));
            }
        }
        List<String> missingColumns = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            if (anyMissing[j]) {
                missingColumns.add(columns.get(j));
            }
        }
        if (omitted.size() == keep.length) {
            throw InputException.inFile(data.table().source(), "no study left: every study has a missing value "
                + "(empty or NA) in " + String.join(" or ", missingColumns));
        }
        StudyData used = omitted.isEmpty() ? data : data.rows(keep);
        return new CompleteCases(data, used, Collections.unmodifiableList(missingColumns),
            Collections.unmodifiableList(omitted));
    }

    /** @return every study of the file */
    public StudyData input() {
        return input;
    }

    /** @return the studies the model uses */
    public StudyData used() {
        return used;
    }

    /** @return the studies left out, in file order */
    public List<Omitted> omitted() {
        return omitted;
    }

    /** @return the model's columns in which some study left out has no value, in the model's order */
    public List<String> missingColumns() {
        return missingColumns;
    }
}
