package org.alliancelab.cli.io;

import java.nio.file.Path;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSize;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;

/**
 * Turns the rows of a {@link StudyTable} into effect sizes for one {@link CorrelationMeasure}.
 *
 * <p>The columns used are the first of these that the header has:
 * <ol>
 *   <li>{@code r}: the correlation, with {@code n} and, for PCOR/ZPCOR, {@code covariates}
 *       (the number p of covariates partialled out);</li>
 *   <li>{@code t}: the t statistic of the focal predictor in a regression with {@code n} cases and
 *       {@code covariates} further predictors, converted to the partial correlation
 *       r = t / sqrt(t<sup>2</sup> + n - p - 2) (Aloe &amp; Thompson 2013,
 *       doi:10.5243/jsswr.2013.24); with COR or ZCOR every row must have p = 0;</li>
 *   <li>{@code yi} and {@code vi}: effect sizes and sampling variances used as given (the
 *       measure then only says whether results are back-transformed from Fisher z to r).</li>
 * </ol>
 * The optional {@code study} column gives labels ("Study i", 1-based, where absent or empty).
 * Every other column is kept in the table. Effect sizes and variances follow metafor's
 * {@code escalc} (see {@link EffectSizes}).
 *
 * <p>Every problem is an {@link InputException} naming the file, line and column: a missing
 * required column, a missing or non-numeric cell, |r| &ge; 1, a non-whole or too small n, a
 * negative covariate count, a non-positive variance, a header with no data rows.
 */
public final class EffectSizeReader {

    /** Column of the correlations. */
    public static final String R = "r";
    /** Column of the sample sizes. */
    public static final String N = "n";
    /** Column of the regression t statistics. */
    public static final String T = "t";
    /** Column of the numbers of covariates partialled out. */
    public static final String COVARIATES = "covariates";
    /** Column of precomputed effect sizes. */
    public static final String YI = "yi";
    /** Column of precomputed sampling variances. */
    public static final String VI = "vi";
    /** Column of the study labels. */
    public static final String STUDY = "study";

    private final CorrelationMeasure measure;

    private EffectSizeReader(CorrelationMeasure measure) {
        this.measure = measure;
    }

    /**
     * @param measure the effect-size measure to compute
     * @return a reader for that measure
     */
    public static EffectSizeReader of(CorrelationMeasure measure) {
        return new EffectSizeReader(measure);
    }

    /** @return the measure this reader computes */
    public CorrelationMeasure measure() {
        return measure;
    }

    /**
     * Reads a CSV file and computes its effect sizes.
     *
     * @param file the CSV file
     * @return the studies
     * @throws InputException on any problem with the file
     */
    public StudyData read(Path file) {
        return read(StudyTable.read(file));
    }

    /**
     * Computes the effect sizes of a table's rows.
     *
     * @param table the studies
     * @return the studies with their effect sizes
     * @throws InputException on any problem with the table
     */
    public StudyData read(StudyTable table) {
        EffectSizeInput input = inputOf(table);
        int k = table.size();
        if (k == 0) {
            throw InputException.atLine(table.source(), table.headerLine(),
                "no studies: the file has a header line but no data rows");
        }
        double[] yi = new double[k];
        double[] vi = new double[k];
        switch (input) {
            case CORRELATION -> fromCorrelations(table, yi, vi);
            case T_STATISTIC -> fromTStatistics(table, yi, vi);
            case PRECOMPUTED -> precomputed(table, yi, vi);
            default -> throw new AssertionError(input);
        }
        return new StudyData(table, measure, input, yi, vi, labels(table));
    }

    private EffectSizeInput inputOf(StudyTable table) {
        EffectSizeInput input;
        if (table.hasColumn(R)) {
            input = EffectSizeInput.CORRELATION;
            require(table, N, "the 'r' column needs sample sizes");
            if (measure.isPartial()) {
                require(table, COVARIATES, measure + " needs the number of covariates partialled out");
            }
        } else if (table.hasColumn(T)) {
            input = EffectSizeInput.T_STATISTIC;
            require(table, N, "the 't' column needs sample sizes");
            require(table, COVARIATES, "the 't' column needs the number of covariates in each regression");
        } else if (table.hasColumn(YI) || table.hasColumn(VI)) {
            input = EffectSizeInput.PRECOMPUTED;
            require(table, YI, "the 'vi' column needs effect sizes");
            require(table, VI, "the 'yi' column needs sampling variances");
        } else {
            throw InputException.atLine(table.source(), table.headerLine(),
                "no effect-size columns: expected 'r' and 'n', or 't', 'n' and 'covariates', or 'yi' and 'vi' (columns: "
                + String.join(", ", table.columns()) + ")");
        }
        return input;
    }

    private static void require(StudyTable table, String column, String why) {
        if (!table.hasColumn(column)) {
            throw table.missingColumn(column, "required column is missing: " + why);
        }
    }

    private void fromCorrelations(StudyTable table, double[] yi, double[] vi) {
        Column r = table.column(R);
        Column n = table.column(N);
        Column p = measure.isPartial() ? table.column(COVARIATES) : null;
        for (int i = 0; i < yi.length; i++) {
            double ri = r.number(i);
            int ni = n.wholeNumber(i);
            int pi = p == null ? 0 : p.wholeNumber(i);
            try {
                EffectSize es = EffectSizes.of(measure, ri, ni, pi);
                yi[i] = es.yi();
                vi[i] = es.vi();
            } catch (InvalidEffectSizeException e) {
                throw table.cellError(i, e.field(), e.getMessage());
            }
        }
    }

    private void fromTStatistics(StudyTable table, double[] yi, double[] vi) {
        Column t = table.column(T);
        Column n = table.column(N);
        Column p = table.column(COVARIATES);
        for (int i = 0; i < yi.length; i++) {
            double ti = t.number(i);
            int ni = n.wholeNumber(i);
            int pi = p.wholeNumber(i);
            if (pi < 0) {
                throw p.error(i, "number of covariates must not be negative, got " + pi);
            }
            if (!measure.isPartial() && pi > 0) {
                throw p.error(i, "a t statistic adjusted for " + pi
                    + " covariates gives a partial correlation: use PCOR or ZPCOR instead of " + measure);
            }
            try {
                double ri = EffectSizes.partialCorrelationFromT(ti, ni, pi);
                EffectSize es = EffectSizes.of(measure, ri, ni, pi);
                yi[i] = es.yi();
                vi[i] = es.vi();
            } catch (InvalidEffectSizeException e) {
                String column = R.equals(e.field()) ? T : e.field();
                throw table.cellError(i, column, e.getMessage());
            }
        }
    }

    private static void precomputed(StudyTable table, double[] yi, double[] vi) {
        Column y = table.column(YI);
        Column v = table.column(VI);
        for (int i = 0; i < yi.length; i++) {
            yi[i] = y.number(i);
            vi[i] = v.number(i);
            if (!(vi[i] > 0)) {
                throw v.error(i, "sampling variance must be positive, got " + v.text(i).strip());
            }
        }
    }

    /** The study column's labels (null where empty), or null without the column: see {@link StudyData#label}. */
    private static String[] labels(StudyTable table) {
        Column study = table.findColumn(STUDY).orElse(null);
        if (study == null) {
            return null; // a million "Study i" strings would cost more heap than the effect sizes
        }
        String[] labels = new String[table.size()];
        for (int i = 0; i < labels.length; i++) {
            String s = study.text(i).strip();
            labels[i] = s.isEmpty() ? null : s;
        }
        return labels;
    }
}
