package org.alliancelab.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancelab.cli.io.Column;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.cli.io.StudyTable;
import org.alliancelab.meta.regression.DesignMatrix;
import org.alliancelab.meta.regression.InvalidModeratorException;

/**
 * The moderators of {@code pool --mods}: turns the named columns of a study table into the
 * core's {@link DesignMatrix} (intercept first, then the moderators in the order given).
 *
 * <p>Rule: a column whose every cell is a number is a continuous moderator (one coefficient,
 * named as the column); a column with any cell that is not a number is categorical, dummy-coded
 * against its first level in sorted (code-point) order, one coefficient per other level named
 * {@code factor(column)level}, as R's default treatment contrasts and metafor's
 * {@code mods = ~ factor(column)} do. Writing {@code factor(column)} forces a numeric column
 * (e.g. quality scores 1, 2, 3) to be categorical. Empty and {@code NA} cells are missing values:
 * they do not decide the type, and the studies that have one are left out of the model by
 * {@code --na omit} (the levels of a categorical moderator are then those of the studies used) or
 * refused by {@code --na fail}.
 *
 * <p>Every problem is an {@link InputException} at the header (missing column, single level,
 * collinear moderators) or at the cell (missing value).
 */
final class Moderators {

    private static final Pattern FACTOR = Pattern.compile("factor\\((.+)\\)");

    /** One requested moderator: its column and whether {@code factor()} forced it categorical. */
    private record Request(String column, boolean forcedFactor) {
    }

    private Moderators() {
    }

    /**
     * @param table the studies
     * @param names the moderator columns as given on the command line ({@code factor(x)} allowed)
     * @return the columns they name, in the order given
     * @throws InputException when a column is missing or named twice
     */
    static List<String> columns(StudyTable table, List<String> names) {
        return parse(table, names).stream().map(Request::column).toList();
    }

    /**
     * @param cases the studies of the file and those the model uses (see {@link NaOption})
     * @param names the moderator columns as given on the command line ({@code factor(x)} allowed)
     * @return the design matrix of the studies used, intercept first
     * @throws InputException when a column is missing, named twice, has a missing value among the
     *     studies used, has a single level, or the moderators are collinear, or there are too few
     *     studies
     */
    static DesignMatrix design(CompleteCases cases, List<String> names) {
        StudyData data = cases.used();
        StudyTable table = data.table();
        List<Request> requests = parse(table, names);
        DesignMatrix.Builder builder = DesignMatrix.builder(data.k());
        for (Request r : requests) {
            Column col = table.column(r.column());
            try {
                // the type comes from the whole column, as R's read.csv decides it
                if (r.forcedFactor() || !numeric(cases.input().column(r.column()))) {
                    builder.categorical(r.column(), col.labels("every study needs one"));
                } else {
                    builder.continuous(r.column(), col.numbers());
                }
            } catch (InvalidModeratorException e) {
                throw located(table, r.column(), e);
            }
        }
        DesignMatrix design = builder.build();
        if (data.k() <= design.columns()) {
            int left = cases.omitted().size();
            throw InputException.atLine(table.source(), table.headerLine(), "a meta-regression with "
                + design.columns() + " coefficients (" + String.join(", ", design.names())
                + ") needs more studies than coefficients, got " + data.k()
                + (left == 0 ? "" : " (" + left + " left out for a missing " + String.join(" or ", cases.missingColumns())
                    + ")"));
        }
        return design;
    }

    /**
     * The source column of a design-matrix column, for errors the fit reports by design name
     * (collinearity): {@code meanage} or {@code factor(controls)none} to its column.
     *
     * @param table the studies
     * @param designName a design-matrix column name
     * @param names the moderator columns as given
     * @return the source column, or the design name itself when none matches (the intercept)
     */
    static String sourceColumn(StudyTable table, String designName, List<String> names) {
        for (Request r : parse(table, names)) {
            if (designName.equals(r.column()) || designName.startsWith("factor(" + r.column() + ")")) {
                return r.column();
            }
        }
        return designName;
    }

    /**
     * @param table the studies
     * @param e a moderator error from the core
     * @param column the column it concerns
     * @return the error located at the cell (one study's) or the header
     */
    static InputException located(StudyTable table, String column, InvalidModeratorException e) {
        if (e.study() >= 0) {
            return table.cellError(e.study(), column, e.getMessage());
        }
        return InputException.atCell(table.source(), table.headerLine(), column, e.getMessage());
    }

    private static List<Request> parse(StudyTable table, List<String> names) {
        List<Request> out = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            Matcher m = FACTOR.matcher(name);
            boolean factor = m.matches();
            String column = factor ? m.group(1).strip() : name;
            if (column.isEmpty()) {
                throw InputException.atLine(table.source(), table.headerLine(),
                    "empty moderator name in --mods (give column names separated by commas)");
            }
            if (!table.hasColumn(column)) {
                throw table.missingColumn(column, "moderator column is missing");
            }
            if (!seen.add(column)) {
                throw InputException.atCell(table.source(), table.headerLine(), column,
                    "moderator given twice in --mods");
            }
            out.add(new Request(column, factor));
        }
        return out;
    }

    /** Numeric when every cell that is not missing is a number. */
    private static boolean numeric(Column col) {
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i) && !col.isNumber(i)) {
                return false;
            }
        }
        return true;
    }
}
