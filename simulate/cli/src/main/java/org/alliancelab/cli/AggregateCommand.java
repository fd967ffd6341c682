package org.alliancelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alliancelab.cli.io.Column;
import org.alliancelab.cli.io.EffectSizeReader;
import org.alliancelab.cli.io.InputException;
import org.alliancelab.cli.io.StudyData;
import org.alliancelab.cli.io.StudyTable;
import org.alliancelab.meta.dependence.AggregatedCorrelation;
import org.alliancelab.meta.dependence.AggregatedEffect;
import org.alliancelab.meta.dependence.CompositeCorrelation;
import org.alliancelab.meta.dependence.CompoundSymmetryAggregation;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.InvalidEffectSizeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code alliance-lab aggregate}: one effect per cluster (e.g. study) from several dependent
 * effects, so that the result can be pooled with {@code pool}.
 *
 * <ul>
 *   <li>{@code --method cs} (default): metafor's {@code aggregate(dat, cluster = COL, rho = RHO,
 *       struct = "CS")} on the effect sizes of {@code --measure}; writes {@code study} (the
 *       cluster), {@code yi}, {@code vi} and {@code effects} (how many were combined). Pool the
 *       file with the same {@code --measure}.</li>
 *   <li>{@code --method composite}: the MAc package's composite correlation of the raw
 *       correlations (columns {@code r} and {@code n}); writes {@code study}, {@code r},
 *       {@code n} (mean n, rounded) and {@code correlations}.</li>
 * </ul>
 * Clusters appear in order of first appearance in the file.
 */
@Command(name = "aggregate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Aggregate dependent effects to one row per cluster (e.g. per study), ready for pool.",
        "",
        "cs: GLS under a compound-symmetric correlation rho (metafor's aggregate, struct = \"CS\"), writes "
            + "study, yi, vi, effects. composite: composite correlation sum(r)/sqrt(m + m(m-1)rho) "
            + "(MAc's agg) from columns r and n, writes study, r, n, correlations."})
public final class AggregateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "CSV file of effects.")
    private Path input;

    @Option(names = "--cluster", required = true, paramLabel = "COL",
        description = "Column identifying the cluster (study or sample) of each effect.")
    private String cluster;

    @Option(names = "--rho", required = true, paramLabel = "RHO",
        description = "Assumed correlation between the effects of one cluster, in [-1, 1] (e.g. 0.5).")
    private double rho;

    @Option(names = "--method", defaultValue = "cs", paramLabel = "METHOD",
        description = "cs (compound symmetry, metafor) or composite (composite correlation, MAc) "
            + "(default: ${DEFAULT-VALUE}).")
    private AggregationMethod method;

    @Option(names = "--measure", paramLabel = "MEASURE", converter = Converters.Measure.class,
        description = "With cs: effect size COR, ZCOR, PCOR or ZPCOR (default: ZCOR). "
            + "composite always combines raw correlations.")
    private CorrelationMeasure measure;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
        description = "csv or json (default: ${DEFAULT-VALUE}).")
    private TableFormat format;

    @Mixin
    private OutputFileOption output;

    @Override
    public Integer call() {
        if (!(rho >= -1 && rho <= 1)) {
            throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--rho': must lie in [-1, 1], got " + rho);
        }
        if (method == AggregationMethod.COMPOSITE && measure != null) {
            throw new ParameterException(spec.commandLine(),
                "--measure applies to --method cs; composite combines raw correlations (pool its output with "
                    + "any --measure)");
        }
        output.checkNotInput(input);
        StudyTable table = StudyTable.read(input);
        Column clusters = table.findColumn(cluster)
            .orElseThrow(() -> table.missingColumn(cluster, "cluster column (--cluster) is missing"));
        String[] labels = clusters.labels("every effect needs a cluster");
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            firstRow.putIfAbsent(labels[i], i);
        }
        Rows rows = method == AggregationMethod.CS ? compoundSymmetry(table, labels, clusters, firstRow)
            : composite(table, labels, clusters, firstRow);
        rows = withConstantColumns(table, labels, rows);
        output.emit(spec, format == TableFormat.JSON ? json(table, rows) : csv(rows));
        return AllianceLab.EXIT_OK;
    }

    /** The aggregated table: column names and one row of values per cluster. */
    private record Rows(CorrelationMeasure measure, List<String> columns, List<Object[]> values) {
    }

    private Rows compoundSymmetry(StudyTable table, String[] labels, Column clusters, Map<String, Integer> firstRow) {
        CorrelationMeasure m = measure == null ? CorrelationMeasure.ZCOR : measure;
        StudyData data = EffectSizeReader.of(m).read(table);
        List<AggregatedEffect> effects;
        try {
            effects = CompoundSymmetryAggregation.of(rho).aggregate(labels, data.yi(), data.vi());
        } catch (IllegalArgumentException e) {
            // rho too small for a cluster of this size (the effect sizes were checked when read)
            throw clusterError(clusters, firstRow, e);
        }
        List<Object[]> values = new ArrayList<>();
        for (AggregatedEffect a : effects) {
            values.add(new Object[] {a.cluster(), a.yi(), a.vi(), a.effects()});
        }
        return new Rows(m, List.of(EffectSizeReader.STUDY, EffectSizeReader.YI, EffectSizeReader.VI, "effects"), values);
    }

    private Rows composite(StudyTable table, String[] labels, Column clusters, Map<String, Integer> firstRow) {
        if (table.size() == 0) {
            throw InputException.atLine(table.source(), table.headerLine(),
                "no studies: the file has a header line but no data rows");
        }
        Column r = table.findColumn(EffectSizeReader.R)
            .orElseThrow(() -> table.missingColumn(EffectSizeReader.R, "required column is missing: "
                + "the composite method combines correlations"));
        Column n = table.findColumn(EffectSizeReader.N)
            .orElseThrow(() -> table.missingColumn(EffectSizeReader.N, "required column is missing: "
                + "the 'r' column needs sample sizes"));
        List<AggregatedCorrelation> composites;
        try {
            composites = CompositeCorrelation.aggregate(labels, r.numbers(), n.wholeNumbers(), rho);
        } catch (InvalidEffectSizeException e) {
            throw table.cellError(e.study(), e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw clusterError(clusters, firstRow, e);
        }
        List<Object[]> values = new ArrayList<>();
        for (AggregatedCorrelation a : composites) {
            if (!(Math.abs(a.r()) < 1)) {
                throw clusters.error(firstRow.get(a.cluster()), "composite correlation of cluster '" + a.cluster()
                    + "' is " + a.r() + ", outside (-1, 1): rho = " + rho
                    + " is below the intercorrelation of its measures");
            }
            values.add(new Object[] {a.cluster(), a.r(), a.n(), a.correlations()});
        }
        return new Rows(null, List.of(EffectSizeReader.STUDY, EffectSizeReader.R, EffectSizeReader.N, "correlations"),
            values);
    }

    /** Columns aggregate computes or reads as effect sizes: never carried over. */
    private static final java.util.Set<String> EFFECT_COLUMNS = java.util.Set.of(EffectSizeReader.R, EffectSizeReader.N,
        EffectSizeReader.T, EffectSizeReader.COVARIATES, EffectSizeReader.YI, EffectSizeReader.VI, EffectSizeReader.STUDY);

    /**
     * Keeps every other column that is constant within each cluster (e.g. a study's class), as
     * {@code metafor::aggregate.escalc} does, so that {@code pool --by} works on the output;
     * drops the columns that vary within a cluster, saying so on standard error.
     */
    private Rows withConstantColumns(StudyTable table, String[] labels, Rows rows) {
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<Map<String, String>> values = new ArrayList<>();
        for (String name : table.columns()) {
            if (name.equals(cluster) || EFFECT_COLUMNS.contains(name) || rows.columns().contains(name)) {
                continue;
            }
            Column c = table.column(name);
            Map<String, String> byCluster = new HashMap<>();
            boolean constant = true;
            for (int i = 0; i < labels.length && constant; i++) {
                String v = c.text(i);
                String before = byCluster.putIfAbsent(labels[i], v);
                constant = before == null || before.equals(v);
            }
            if (constant) {
                kept.add(name);
                values.add(byCluster);
            } else {
                dropped.add(name);
            }
        }
        if (!dropped.isEmpty()) {
            spec.commandLine().getErr().println("alliance-lab aggregate: note: left out column"
                + (dropped.size() == 1 ? " " : "s ") + String.join(", ", dropped) + " (not constant within every "
                + cluster + ")");
        }
        if (kept.isEmpty()) {
            return rows;
        }
        List<String> columns = new ArrayList<>(rows.columns());
        columns.addAll(kept);
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : rows.values()) {
            Object[] wider = java.util.Arrays.copyOf(row, row.length + kept.size());
            for (int j = 0; j < kept.size(); j++) {
                wider[row.length + j] = values.get(j).get((String) row[0]);
            }
            out.add(wider);
        }
        return new Rows(rows.measure(), columns, out);
    }

    /** Locates a cluster-level failure at the cluster's first row when the message names it. */
    private InputException clusterError(Column clusters, Map<String, Integer> firstRow, IllegalArgumentException e) {
        for (Map.Entry<String, Integer> c : firstRow.entrySet()) {
            if (e.getMessage().contains("cluster '" + c.getKey() + "'")) {
                return clusters.error(c.getValue(), e.getMessage());
            }
        }
        return clusters.error(0, e.getMessage());
    }

    private static String csv(Rows rows) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(String.join(",", rows.columns())).append(nl);
        for (Object[] row : rows.values()) {
            for (int j = 0; j < row.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(row[j] instanceof String s ? quoted(s) : String.valueOf(row[j]));
            }
            sb.append(nl);
        }
        return sb.toString();
    }

    /** Quotes a CSV field when it needs it (comma, quote, line break, surrounding blanks). */
    static String quoted(String s) {
        boolean needs = s.isEmpty() || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
            || !s.equals(s.strip());
        return needs ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private String json(StudyTable table, Rows rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.name().toLowerCase(Locale.ROOT));
        m.put("rho", rho);
        m.put("measure", rows.measure() == null ? null : rows.measure().name());
        m.put("cluster", cluster);
        m.put("k", table.size());
        m.put("clusters", rows.values().size());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : rows.values()) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int j = 0; j < row.length; j++) {
                o.put(rows.columns().get(j), row[j]);
            }
            out.add(o);
        }
        m.put("rows", out);
        return TextFormat.json(m);
    }
}
