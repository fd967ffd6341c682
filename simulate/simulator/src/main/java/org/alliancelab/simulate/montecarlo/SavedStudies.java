package org.alliancelab.simulate.montecarlo;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.alliancelab.io.AtomicFiles;
import org.alliancelab.meta.effectsize.CorrelationMeasure;
import org.alliancelab.meta.effectsize.EffectSize;
import org.alliancelab.meta.effectsize.EffectSizes;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.engine.SimulatedReplication;
import org.alliancelab.simulate.engine.StudySimulator;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.model.SimulatedStudy;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;

/**
 * The simulated studies of chosen replications as one tidy, metafor-ready table
 * ({@code simulate --save-studies}): one row per condition x replication x published study.
 *
 * <p>Each replication's studies are drawn again from its own seed coordinates
 * ({@link ReplicationSeeds}), so they are exactly the studies the run analysed, whatever the
 * threads or shards; the run itself is not slowed. Columns: {@code condition}, one per grid
 * factor (its JSON pointer), {@code replication, study, n, covariates, r, yi, vi, partial_r,
 * yi_adjusted, vi_adjusted, reports_adjusted} (Fisher z of r with 1/(n - 3); of the partial r
 * with 1/(n - p - 3); NA where the study reports no adjusted estimate), one per moderator (the
 * study's level), and {@code beta_<from>_<to>} for each path that varies between studies (the
 * study's drawn coefficient). Only published studies are drawn to the end: a study suppressed
 * by publication selection is not in the table (the run counts them as {@code
 * studies.suppressed}).
 */
public final class SavedStudies {
    private SavedStudies() {
    }

    /**
     * Which replications to save, from {@code all}, {@code N} (the first N) or a comma-separated
     * list of replication indices and ranges {@code a-b} (0-based, as {@code replications.csv}).
     *
     * @param spec the text
     * @param replications replications per condition
     * @return the replication indices, ascending
     * @throws IllegalArgumentException for a malformed text or an index out of range
     */
    public static List<Integer> select(String spec, int replications) {
        String s = spec.trim();
        TreeSet<Integer> out = new TreeSet<>();
        try {
            if (s.equals("all")) {
                for (int r = 0; r < replications; r++) {
                    out.add(r);
                }
            } else if (s.matches("\\d+")) {
                for (int r = 0; r < Math.min(replications, Integer.parseInt(s)); r++) {
                    out.add(r);
                }
            } else {
                for (String item : s.split(",")) {
                    String[] ab = item.trim().split("-");
                    int a = Integer.parseInt(ab[0].trim());
                    int b = ab.length == 2 ? Integer.parseInt(ab[1].trim()) : a;
                    if (ab.length > 2 || a > b || b >= replications) {
                        throw new IllegalArgumentException("replication " + item.trim() + " is not within 0-"
                            + (replications - 1));
                    }
                    for (int r = a; r <= b; r++) {
                        out.add(r);
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--save-studies takes all, N (the first N replications) or a list "
                + "such as 0,5,10-12, got '" + spec + "'", e);
        }
        return List.copyOf(out);
    }

    /**
     * Writes the table, atomically; gzip-compressed when the file name ends in {@code .gz}.
     *
     * @param scenario the scenario as run (seed and replications applied)
     * @param engine the engine of the run
     * @param replications the replications to save ({@link #select})
     * @param file the target file
     * @throws IOException on a write error (the target is then untouched)
     */
    public static void write(Scenario scenario, Engine engine, List<Integer> replications, java.nio.file.Path file)
        throws IOException {
        AtomicFiles.Content content = w -> rows(scenario, engine, replications, w);
        if (file.getFileName().toString().endsWith(".gz")) {
            AtomicFiles.writeGzip(file, content);
        } else {
            AtomicFiles.write(file, content);
        }
    }

    private static void rows(Scenario scenario, Engine engine, List<Integer> replications, Writer w) throws IOException {
        Condition first = scenario.conditions().get(0);
        List<String> factors = new ArrayList<>(first.factors().keySet());
        List<String> moderators = scenario.moderatorNames();
        List<Path> paths = first.model().paths();
        // A path varies when it has an SD in the model or in any moderator cell.
        List<Integer> varying = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            final int pp = p;
            boolean varies = scenario.conditions().stream().flatMap(c -> c.cells().stream())
                .anyMatch(cell -> cell.model().paths().get(pp).sd() > 0);
            if (varies) {
                varying.add(p);
            }
        }
        List<String> header = new ArrayList<>(List.of("condition"));
        header.addAll(factors);
        header.addAll(List.of("replication", "study", "n", "covariates", "r", "yi", "vi", "partial_r", "yi_adjusted",
            "vi_adjusted", "reports_adjusted"));
        header.addAll(moderators);
        for (int p : varying) {
            header.add("beta_" + paths.get(p).from() + "_" + paths.get(p).to());
        }
        w.write(String.join(",", header.stream().map(Csv::text).toList()));
        w.write('\n');
        StringBuilder b = new StringBuilder();
        for (Condition c : scenario.conditions()) {
            StudySimulator sim = StudySimulator.of(c, engine).keepCoefficients();
            for (int rep : replications) {
                SimulatedReplication r = sim.simulate(ReplicationSeeds.provider(scenario.seed(), c.index(), rep));
                List<SimulatedStudy> studies = r.studies();
                for (int i = 0; i < studies.size(); i++) {
                    SimulatedStudy s = studies.get(i);
                    b.setLength(0);
                    b.append(c.index());
                    for (String f : factors) {
                        b.append(',').append(Csv.number(c.factors().get(f)));
                    }
                    EffectSize z = EffectSizes.of(CorrelationMeasure.ZCOR, s.r(), s.n(), 0);
                    b.append(',').append(rep).append(',').append(i + 1).append(',').append(s.n()).append(',')
                        .append(s.covariates()).append(',').append(Csv.number(s.r())).append(',')
                        .append(Csv.number(z.yi())).append(',').append(Csv.number(z.vi()));
                    if (s.reportsAdjusted()) {
                        EffectSize a = EffectSizes.of(CorrelationMeasure.ZPCOR, s.partialR(), s.n(), s.covariates());
                        b.append(',').append(Csv.number(s.partialR())).append(',').append(Csv.number(a.yi()))
                            .append(',').append(Csv.number(a.vi())).append(",TRUE");
                    } else {
                        b.append(",NA,NA,NA,FALSE");
                    }
                    for (String m : moderators) {
                        b.append(',').append(Csv.text(s.moderatorLevels().getOrDefault(m, "")));
                    }
                    for (int p : varying) {
                        b.append(',').append(Csv.number(sim.studyCoefficient(i, p)));
                    }
                    b.append('\n');
                    w.write(b.toString());
                }
            }
        }
    }
}
