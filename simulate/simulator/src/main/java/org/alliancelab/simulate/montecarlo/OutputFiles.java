package org.alliancelab.simulate.montecarlo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.simulate.analysis.MeasureSpec;
import org.alliancelab.simulate.analysis.RecordLayout;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.ConditionSummary;
import org.alliancelab.simulate.results.Measure;
import org.alliancelab.simulate.results.RunFiles;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.results.SummaryJson;

/**
 * Writes the final output of a run from finished blocks, reading them in (condition,
 * replication) order: {@code replications.csv} row by row while the measures accumulate, then
 * {@code summary.json} and {@code summary.csv}. Because every output is computed from the
 * stored block records in the same order, a run, a resumed run and collected shards give
 * byte-identical files. No timestamps go into these files.
 */
final class OutputFiles {
    static final String SUMMARY_JSON = SummaryJson.FILE;
    static final String SUMMARY_CSV = RunFiles.SUMMARY_CSV;
    static final String REPLICATIONS_CSV = RunFiles.REPLICATIONS_CSV;

    private OutputFiles() {
    }

    /**
     * @param design the design
     * @param source the finished blocks (all must be present)
     * @param outDir output directory
     * @param mapper JSON mapper
     * @return the run's summary, as written to summary.json
     * @throws IOException on a file error
     */
    static RunSummary write(MonteCarloDesign design, BlockSource source, Path outDir, ObjectMapper mapper)
        throws IOException {
        Files.createDirectories(outDir);
        WorkPlan plan = new WorkPlan(design.conditions().size(), design.replications());
        RecordLayout layout = design.layout();
        List<String> factorNames = factorNames(design);
        List<ConditionSummary> summaries = new ArrayList<>();
        AtomicFiles.write(outDir.resolve(REPLICATIONS_CSV), w -> {
            w.write("condition,replication");
            for (String f : factorNames) {
                w.write(',');
                w.write(Csv.text(f));
            }
            for (String c : layout.columns()) {
                w.write(',');
                w.write(Csv.text(c));
            }
            w.write(",failures\n");
            StringBuilder sb = new StringBuilder(1024);
            for (ConditionInfo info : design.conditions()) {
                int c = info.index();
                List<MeasureAccumulator> acc = new ArrayList<>();
                for (MeasureSpec spec : design.measures(c)) {
                    acc.add(MeasureAccumulator.of(spec, layout, info.alpha()));
                }
                List<ConditionSummary.FailedReplication> failed = new ArrayList<>();
                String factorCells = factorCells(info, factorNames);
                for (int b = 0; b < plan.blocksPerCondition(); b++) {
                    FormattedBlock block = source.readFormatted(c, b, plan.firstReplication(b), plan.endReplication(b));
                    for (int i = 0; i < block.records().size(); i++) {
                        ReplicationRecord r = block.records().get(i);
                        sb.setLength(0);
                        sb.append(c).append(',').append(r.replication()).append(factorCells).append(block.tails().get(i));
                        w.write(sb.toString());
                        for (MeasureAccumulator a : acc) {
                            a.add(r.values());
                        }
                        if (!r.failures().isEmpty()) {
                            failed.add(new ConditionSummary.FailedReplication(c, r.replication(), r.failures()));
                        }
                    }
                }
                List<Measure> measures = new ArrayList<>();
                for (MeasureAccumulator a : acc) {
                    measures.addAll(a.measures());
                }
                summaries.add(new ConditionSummary(info, design.replications(), measures, failed));
            }
        });
        writeSummaryCsv(outDir.resolve(SUMMARY_CSV), factorNames, summaries);
        RunSummary summary = new RunSummary(design.name(), SoftwareVersion.label(), design.seed(),
            design.replications(), design.engine(), summaries, design.scenarioJson());
        write(outDir.resolve(SUMMARY_JSON), SummaryJson.toTree(summary, mapper), mapper);
        return summary;
    }

    private static List<String> factorNames(MonteCarloDesign design) {
        return design.conditions().isEmpty() ? List.of() : new ArrayList<>(design.conditions().get(0).factors().keySet());
    }

    private static String factorCells(ConditionInfo info, List<String> factorNames) {
        StringBuilder sb = new StringBuilder();
        for (String f : factorNames) {
            Double v = info.factors().get(f);
            sb.append(',').append(Csv.number(v == null ? Double.NaN : v));
        }
        return sb.toString();
    }

    private static void writeSummaryCsv(Path file, List<String> factorNames, List<ConditionSummary> summaries)
        throws IOException {
        AtomicFiles.write(file, w -> {
            w.write("condition");
            for (String f : factorNames) {
                w.write(',');
                w.write(Csv.text(f));
            }
            w.write(",analysis,measure,estimand,value,mcse,replications\n");
            for (ConditionSummary s : summaries) {
                String prefix = s.info().index() + factorCells(s.info(), factorNames);
                for (Measure m : s.measures()) {
                    w.write(prefix + ',' + Csv.text(m.analysis()) + ',' + Csv.text(m.measure()) + ','
                        + Csv.text(m.estimand()) + ',' + Csv.number(m.value()) + ',' + Csv.number(m.mcse()) + ','
                        + m.replications() + '\n');
                }
            }
        });
    }

    /**
     * Writes a JSON tree atomically, pretty-printed with "\n" line ends on every platform.
     *
     * @param file target
     * @param node tree
     * @param mapper mapper
     * @throws IOException on a write error
     */
    static void write(Path file, JsonNode node, ObjectMapper mapper) throws IOException {
        String text = SummaryJson.print(node, mapper);
        AtomicFiles.write(file, (Writer w) -> w.write(text));
    }
}
