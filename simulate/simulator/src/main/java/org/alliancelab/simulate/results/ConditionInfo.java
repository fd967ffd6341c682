package org.alliancelab.simulate.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alliancelab.simulate.model.TruthValues;

/**
 * What the output reports about one condition besides its measures: the factor levels and the
 * population values of the estimands.
 *
 * @param index condition index (0-based, the seed coordinate)
 * @param factors grid factor to level, in grid order (empty without a grid)
 * @param truth population values over all studies: the expectation over the between-study
 *     variation of the paths, what the pooled analyses estimate
 * @param truthAmongReporters the same over the studies that report an adjusted estimate (the
 *     population of analyses 2 to 4; equal to {@code truth} unless reporting depends on a
 *     moderator)
 * @param alpha significance level of the condition's tests
 * @param truthByModerator moderator to level to population values, only where a level changes
 *     the model
 * @param truthAtMeanPaths population values over all studies at the mean path coefficients
 *     (secondary; equal to {@code truth} when no path varies)
 */
public record ConditionInfo(int index, Map<String, Double> factors, TruthValues truth,
                            TruthValues truthAmongReporters, double alpha,
                            Map<String, Map<String, TruthValues>> truthByModerator,
                            TruthValues truthAtMeanPaths) {
    /**
     * Copies the maps, keeping their order.
     *
     * @param factors grid factor to level, in grid order (empty without a grid)
     * @param truth population values over all studies: the expectation over the between-study
     *     variation of the paths, what the pooled analyses estimate
     * @param truthByModerator moderator to level to population values, only where a level changes
     *     the model
     * @param alpha significance level of the condition's tests
     * @param index condition index (0-based, the seed coordinate)
     * @param truthAmongReporters the same over the studies that report an adjusted estimate (the
     *     population of analyses 2 to 4; equal to {@code truth} unless reporting depends on a
     *     moderator)
     * @param truthAtMeanPaths population values over all studies at the mean path coefficients
     *     (secondary; equal to {@code truth} when no path varies)
     */
    public ConditionInfo {
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        Map<String, Map<String, TruthValues>> copy = new LinkedHashMap<>();
        truthByModerator.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        truthByModerator = Collections.unmodifiableMap(copy);
    }

    /**
     * A condition whose paths do not vary: {@code truthAtMeanPaths} is {@code truth}.
     *
     * @param index condition index (0-based, the seed coordinate)
     * @param factors grid factor to level, in grid order (empty without a grid)
     * @param truth population values over all studies: the expectation over the between-study
     *     variation of the paths, what the pooled analyses estimate
     * @param truthAmongReporters the same over the studies that report an adjusted estimate (the
     *     population of analyses 2 to 4; equal to {@code truth} unless reporting depends on a
     *     moderator)
     * @param alpha significance level of the condition's tests
     * @param truthByModerator moderator to level to population values, only where a level changes
     *     the model
     */
    public ConditionInfo(int index, Map<String, Double> factors, TruthValues truth, TruthValues truthAmongReporters,
                         double alpha, Map<String, Map<String, TruthValues>> truthByModerator) {
        this(index, factors, truth, truthAmongReporters, alpha, truthByModerator, truth);
    }

    /**
     * The population value of an estimand among the studies an analysis pools: all studies for
     * {@link Analyses#UNADJUSTED_ALL} and the bias methods, the level's studies for a moderator
     * level's analysis {@code moderator=level} ({@link Analyses#level}), otherwise the studies
     * reporting an adjusted estimate.
     *
     * @param analysis analysis name
     * @param estimand an estimand
     * @return its population value there; {@code NaN} for a level the summary has no values of
     */
    public double truthPooledBy(String analysis, Estimand estimand) {
        if (analysis.equals(Analyses.UNADJUSTED_ALL) || Analyses.isBiasMethod(analysis)) {
            return truth(estimand);
        }
        int eq = analysis.indexOf('=');
        if (eq > 0) {
            Map<String, TruthValues> levels = truthByModerator.get(analysis.substring(0, eq));
            TruthValues level = levels == null ? null : levels.get(analysis.substring(eq + 1));
            return level == null ? Double.NaN : estimand.of(level);
        }
        return truthAmongReporters(estimand);
    }

    /**
     * @param estimand an estimand
     * @return its population value over all studies
     */
    public double truth(Estimand estimand) {
        return estimand.of(truth);
    }

    /**
     * @param estimand an estimand
     * @return its population value among the studies that report an adjusted estimate
     */
    public double truthAmongReporters(Estimand estimand) {
        return estimand.of(truthAmongReporters);
    }
}
