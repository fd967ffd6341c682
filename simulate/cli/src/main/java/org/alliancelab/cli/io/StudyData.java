package org.alliancelab.cli.io;

import java.util.Optional;
import org.alliancelab.meta.effectsize.CorrelationMeasure;

/**
 * The studies of a table turned into effect sizes for one measure: yi, vi and a label per
 * study, in file order, together with the table itself so that analyses can reach the other
 * columns (moderators, cluster ids) and locate errors. Immutable; array getters return copies.
 */
public final class StudyData {

    private final StudyTable table;
    private final CorrelationMeasure measure;
    private final EffectSizeInput input;
    private final double[] yi;
    private final double[] vi;
    /** The {@code study} column's labels, or null without that column (made on demand: "Study i"). */
    private final String[] labels;

    StudyData(StudyTable table, CorrelationMeasure measure, EffectSizeInput input,
              double[] yi, double[] vi, String[] labels) {
        this.table = table;
        this.measure = measure;
        this.input = input;
        this.yi = yi;
        this.vi = vi;
        this.labels = labels;
    }

    /** @return the table the studies were read from */
    public StudyTable table() {
        return table;
    }

    /** @return the effect-size measure */
    public CorrelationMeasure measure() {
        return measure;
    }

    /** @return the columns the effect sizes came from */
    public EffectSizeInput input() {
        return input;
    }

    /** @return the number of studies */
    public int k() {
        return yi.length;
    }

    /** @return the effect sizes (a copy) */
    public double[] yi() {
        return yi.clone();
    }

    /** @return the sampling variances (a copy) */
    public double[] vi() {
        return vi.clone();
    }

    /** @return the study labels: the {@code study} column, or "Study i" (1-based) where absent or empty */
    public String[] labels() {
        String[] out = new String[k()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(i);
        }
        return out;
    }

    /**
     * @param study zero-based study index
     * @return its label
     */
    public String label(int study) {
        String s = labels == null ? null : labels[study];
        return s == null ? "Study " + (table.rows().get(study).index() + 1) : s;
    }

    /**
     * @param study zero-based study index
     * @return the 1-based physical line of its row in the file
     */
    public int line(int study) {
        return table.rows().get(study).line();
    }

    /**
     * The studies of some rows, each with its label and its line in the file.
     *
     * @param keep which studies to keep, one flag per study
     * @return the kept studies, in file order
     */
    StudyData rows(boolean[] keep) {
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        double[] y = new double[n];
        double[] v = new double[n];
        String[] l = labels == null ? null : new String[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                y[j] = yi[i];
                v[j] = vi[i];
                if (l != null) {
                    l[j] = labels[i];
                }
                j++;
            }
        }
        return new StudyData(table.rows(keep), measure, input, y, v, l);
    }

    /**
     * @param name a column name
     * @return the column, e.g. a moderator
     * @throws InputException located at the header when there is no such column
     */
    public Column column(String name) {
        return table.column(name);
    }

    /**
     * @param name a column name
     * @return the column, or empty when absent
     */
    public Optional<Column> findColumn(String name) {
        return table.findColumn(name);
    }
}
