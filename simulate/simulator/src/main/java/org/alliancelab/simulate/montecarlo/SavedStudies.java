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
 * yi_adjusted, vi_adjusted, reports_adjusted, published} (Fisher z of r with 1/(n - 3); of the
 * partial r with 1/(n - p - 3); NA where the study reports no adjusted estimate), one per
 * moderator (the study's level), and {@code beta_<from>_<to>} for each path that varies between
 * studies (the study's drawn coefficient). {@code published} is 1 on every row: the study loop
 * ({@link StudySimulator#simulateInPlace}) keeps only published studies, and a study suppressed
 * by publication selection is discarded as soon as it is drawn (the run counts them as {@code
 * studies.suppressed}), so it is not in the table. The column is there so that an analysis
 * written with {@code subset = published == 1} stays right if suppressed studies are ever saved.
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
     * @throws IllegalArgumentException for a malformed text or a replication the run does not have
     */
    public static List<Integer> select(String spec, int replications) {
        return Selection.parse(spec).replications(replications);
    }

    /**
     * A choice of replications, parsed before the number of replications is known: {@code all},
     * {@code N} (the first N, N at least 1) or a list of 0-based indices and ascending ranges
     * {@code a-b}. Whether the run has them is checked by {@link #replications}.
     */
    public static final class Selection {
        private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("(\\d+)(?:-(\\d+))?");
        private final String text;
        /** The first N, or 0 for all, or -1 for a list. */
        private final int first;
        /** Ranges a-b (inclusive) of a list, as pairs. */
        private final List<int[]> ranges;

        private Selection(String text, int first, List<int[]> ranges) {
            this.text = text;
            this.first = first;
            this.ranges = ranges;
        }

        /**
         * @param spec {@code all}, {@code N} or a list such as {@code 0,5,10-12}
         * @return the selection
         * @throws IllegalArgumentException for a malformed text, N = 0 or a reversed range
         */
        public static Selection parse(String spec) {
            String s = spec.trim();
            if (s.equals("all")) {
                return new Selection(s, 0, List.of());
            }
            try {
                if (s.matches("\\d+")) {
                    int n = Integer.parseInt(s);
                    if (n < 1) {
                        throw new IllegalArgumentException("N (save the first N replications, numbered from 0 as in "
                            + "replications.csv) must be at least 1, got " + s);
                    }
                    return new Selection(s, n, List.of());
                }
                List<int[]> ranges = new ArrayList<>();
                for (String item : s.split(",", -1)) {
                    java.util.regex.Matcher m = ITEM.matcher(item.trim());
                    if (!m.matches()) {
                        throw new IllegalArgumentException("takes all, N (the first N replications) or a list of "
                            + "replications numbered from 0 such as 0,5,10-12, got '" + spec + "'");
                    }
                    int a = Integer.parseInt(m.group(1));
                    int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
                    if (a > b) {
                        throw new IllegalArgumentException("the range " + item.trim() + " is reversed: write it "
                            + b + "-" + a);
                    }
                    ranges.add(new int[] {a, b});
                }
                return new Selection(s, -1, List.copyOf(ranges));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a replication of '" + spec + "' is too large", e);
            }
        }

        /**
         * @param replications replications per condition of the run
         * @return the chosen replication indices, ascending
         * @throws IllegalArgumentException when the run has fewer replications than chosen
         */
        public List<Integer> replications(int replications) {
            TreeSet<Integer> out = new TreeSet<>();
            if (first >= 0) {
                int n = first == 0 ? replications : first;
                if (n > replications) {
                    throw new IllegalArgumentException("--save-studies " + text + ": the run has only " + replications
                        + " replications per condition (0-" + (replications - 1) + "); give at most " + replications);
                }
                for (int r = 0; r < n; r++) {
                    out.add(r);
                }
                return List.copyOf(out);
            }
            for (int[] ab : ranges) {
                if (ab[1] >= replications) {
                    throw new IllegalArgumentException("--save-studies " + text + ": replication " + ab[1]
                        + " is not within 0-" + (replications - 1) + " (the run has " + replications
                        + " replications per condition, numbered from 0)");
                }
                for (int r = ab[0]; r <= ab[1]; r++) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return text;
        }
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
            "vi_adjusted", "reports_adjusted", "published"));
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
                    // every saved study was published: the suppressed ones are not kept (class Javadoc)
                    b.append(",1");
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
