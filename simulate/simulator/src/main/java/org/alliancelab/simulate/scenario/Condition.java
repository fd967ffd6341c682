package org.alliancelab.simulate.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.alliancelab.simulate.model.ExpectedTruth;
import org.alliancelab.simulate.model.PanelTruth;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.model.TruthValues;

/**
 * One grid condition of a scenario: the factor levels and the fully resolved model, design and
 * analyses.
 *
 * <p>Population values: {@link #truth()} averages over the moderator cells with the cell
 * probabilities as weights, the correlations ({@code unadjusted, adjusted, adjusted_latent,
 * causal}) on the Fisher-z scale and back-transformed (what a random-effects pooling of the
 * studies estimates, ignoring weights), the effects ({@code total, direct}) linearly. Within a
 * cell, each value is the expectation over the between-study variation of the path
 * coefficients with the redraw rule ({@link ExpectedTruth}): the target of the pooled
 * analyses. {@link #truthAtMeanPaths()} is the same mixture of the values at the mean
 * coefficients (equal to {@link #truth()} when no path varies).
 * {@link #truthByModerator()} does the same average with one moderator's level fixed, for every
 * level of each moderator that has at least one level overriding the model (moderators whose
 * levels all share the model are left out). {@link #truthAmongReporters()} weights each cell also by its
 * probability of reporting an adjusted estimate (differs from {@link #truth()} only for a
 * {@link AdjustedReporting.ByModerator} rule).
 *
 * @param index 0-based condition index in grid order
 * @param factors grid factor's column ({@link GridFactor#column()}: its name, or its pointer when
 *     unnamed) to level, in grid order (empty without grid)
 * @param model the condition's model without moderator overrides
 * @param design the study design
 * @param analyses the analyses
 * @param cells the moderator cells (one cell with probability 1 when there are no moderators)
 * @param truth mixture truth over the cells
 * @param truthByModerator moderator to level to truth, for moderators whose levels differ
 * @param truthAmongReporters mixture truth over the studies reporting an adjusted estimate
 * @param truthAtMeanPaths mixture over the cells of the values at the mean path coefficients
 * @param truthError largest quadrature error of a cell's expectation ({@link ExpectedTruth#error()})
 * @param source the scenario's file or built-in name (for error messages)
 */
public record Condition(
    int index,
    Map<String, Double> factors,
    StructuralModel model,
    StudyDesign design,
    AnalysisSettings analyses,
    List<ModeratorCell> cells,
    TruthValues truth,
    Map<String, Map<String, TruthValues>> truthByModerator,
    TruthValues truthAmongReporters,
    TruthValues truthAtMeanPaths,
    double truthError,
    String source) {

    /**
     * Defensive copies keeping iteration order.
     *
     * @param factors grid factor's column ({@link GridFactor#column()}: its name, or its pointer when
 *     unnamed) to level, in grid order (empty without grid)
     * @param cells the moderator cells (one cell with probability 1 when there are no moderators)
     * @param analyses the analyses
     * @param design the study design
     * @param index 0-based condition index in grid order
     * @param model the condition's model without moderator overrides
     * @param source the scenario's file or built-in name (for error messages)
     * @param truth mixture truth over the cells
     * @param truthAmongReporters mixture truth over the studies reporting an adjusted estimate
     * @param truthAtMeanPaths mixture over the cells of the values at the mean path coefficients
     * @param truthByModerator moderator to level to truth, for moderators whose levels differ
     * @param truthError largest quadrature error of a cell's expectation ({@link ExpectedTruth#error()})
     */
    public Condition {
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        cells = List.copyOf(cells);
        Map<String, Map<String, TruthValues>> copy = new LinkedHashMap<>();
        truthByModerator.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        truthByModerator = Collections.unmodifiableMap(copy);
    }

    /**
     * Resolves a condition: enumerates the moderator cells and computes the truths.
     *
     * @throws org.alliancelab.simulate.model.InvalidModelException when a cell's model is invalid
     */
    static Condition of(int index, Map<String, Double> factors, StructuralModel model,
                        StudyDesign design, AnalysisSettings analyses, String source) {
        List<ModeratorCell> cells = ModeratorCells.enumerate(model, design.moderators());
        if (design.sessions().isPresent()) {
            // The panel's only correlation estimand: the between-person correlation a
            // cross-sectional analysis of the person means estimates; the lagged estimands are
            // the panel analyses' own (PanelTruth).
            double between = PanelTruth.of(design.sessions().get()).betweenPerson();
            TruthValues panel = new TruthValues(between, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            return new Condition(index, factors, model, design, analyses, cells, panel, Map.of(), panel, panel, 0,
                source);
        }
        TruthValues truth = mixture(cells, i -> cells.get(i).probability());
        Map<String, Map<String, TruthValues>> byModerator = new LinkedHashMap<>();
        List<Moderator> moderators = design.moderators();
        for (int m = 0; m < moderators.size(); m++) {
            Moderator moderator = moderators.get(m);
            Map<String, TruthValues> levels = new LinkedHashMap<>();
            if (moderator.levels().stream().noneMatch(ModeratorLevel::overridesModel)) {
                continue;
            }
            for (int l = 0; l < moderator.levels().size(); l++) {
                ModeratorLevel level = moderator.levels().get(l);
                final int mm = m;
                final int ll = l;
                // Weights conditional on the level: the other moderators' level probabilities (so
                // that a level with probability 0 still has its population values).
                levels.put(level.name(), mixture(cells, i -> cells.get(i).levelIndices().get(mm) == ll
                    ? otherLevelsProbability(moderators, cells.get(i), mm) : 0));
            }
            if (!levels.isEmpty()) {
                byModerator.put(moderator.name(), levels);
            }
        }
        TruthValues reporters = truth;
        if (design.adjustedReporting().orElse(null) instanceof AdjustedReporting.ByModerator rule) {
            int m = 0;
            while (!moderators.get(m).name().equals(rule.moderator())) {
                m++;
            }
            Moderator moderator = moderators.get(m);
            final int mm = m;
            TruthValues weighted = mixture(cells, i -> {
                String level = moderator.levels().get(cells.get(i).levelIndices().get(mm)).name();
                return cells.get(i).probability() * rule.probabilities().getOrDefault(level, 0.0);
            });
            if (!Double.isNaN(weighted.unadjusted())) {
                reporters = weighted;
            }
        }
        TruthValues atMean = TruthValues.mixture(cells.stream().map(c -> c.target().atMeanPaths()).toList(),
            i -> cells.get(i).probability());
        double error = cells.stream().mapToDouble(c -> c.target().error()).max().orElse(0);
        return new Condition(index, factors, model, design, analyses, cells, truth, byModerator, reporters,
            atMean, error, source);
    }

    /**
     * The expected number of published studies that report an adjusted estimate: {@code k f}
     * for a fraction f, {@code min(count, k)} for a count, {@code k sum_c p_c pi(level_c)} over
     * the moderator cells for a moderator rule, 0 without a rule ({@code k} the published
     * studies).
     *
     * @return the expected count
     */
    public double expectedReportingStudies() {
        int k = design.studies();
        AdjustedReporting rule = design.adjustedReporting().orElse(null);
        if (rule instanceof AdjustedReporting.Fraction f) {
            return k * f.fraction();
        }
        if (rule instanceof AdjustedReporting.Count c) {
            return Math.min(c.count(), k);
        }
        if (rule instanceof AdjustedReporting.ByModerator m) {
            List<Moderator> moderators = design.moderators();
            int index = 0;
            while (!moderators.get(index).name().equals(m.moderator())) {
                index++;
            }
            double share = 0;
            for (ModeratorCell cell : cells) {
                String level = moderators.get(index).levels().get(cell.levelIndices().get(index)).name();
                share += cell.probability() * m.probabilities().getOrDefault(level, 0.0);
            }
            return k * share;
        }
        return 0;
    }

    private static double otherLevelsProbability(List<Moderator> moderators, ModeratorCell cell, int except) {
        double p = 1;
        for (int m = 0; m < moderators.size(); m++) {
            if (m != except) {
                p *= moderators.get(m).levels().get(cell.levelIndices().get(m)).probability();
            }
        }
        return p;
    }

    /** Weighted average of cell truths ({@link TruthValues#mixture}). */
    static TruthValues mixture(List<ModeratorCell> cells, IntToDoubleFunction weight) {
        return TruthValues.mixture(cells.stream().map(ModeratorCell::truth).toList(), weight);
    }
}
