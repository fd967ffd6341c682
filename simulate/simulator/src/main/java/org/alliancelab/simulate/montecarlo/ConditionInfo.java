package org.alliancelab.simulate.montecarlo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the output reports about one condition besides its measures: the factor levels and the
 * population values of the estimands.
 *
 * @param index condition index (0-based, the seed coordinate)
 * @param factors grid factor to level, in grid order (empty without a grid)
 * @param truth estimand name to population value over all studies
 * @param truthAmongReporters the same over the studies that report an adjusted estimate (the
 *     population of analyses 2 to 4; equal to {@code truth} unless reporting depends on a
 *     moderator)
 * @param alpha significance level of the condition's tests
 * @param truthByModerator moderator to level to estimand to population value, only where a
 *     level changes the model
 */
public record ConditionInfo(int index, Map<String, Double> factors, Map<String, Double> truth,
                            Map<String, Double> truthAmongReporters, double alpha,
                            Map<String, Map<String, Map<String, Double>>> truthByModerator) {
    /** Copies the maps, keeping their order. */
    public ConditionInfo {
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        truthAmongReporters = Collections.unmodifiableMap(new LinkedHashMap<>(truthAmongReporters));
        truthByModerator = Collections.unmodifiableMap(new LinkedHashMap<>(truthByModerator));
    }
}
