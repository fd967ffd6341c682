package org.alliancelab.meta.subgroup;

import java.util.List;

/**
 * The result of a subgroup analysis.
 *
 * @param groups one entry per level, in sorted level order (immutable)
 * @param assumption whether tau<sup>2</sup> was estimated per subgroup or in common
 * @param qBetween Q<sub>between</sub> = &Sigma;<sub>g</sub> w<sub>g</sub>(&mu;&#x0302;<sub>g</sub>
 *     - &mu;&#x0304;)<sup>2</sup>, w<sub>g</sub> = 1/SE<sub>g</sub><sup>2</sup>,
 *     &mu;&#x0304; = &Sigma;w<sub>g</sub>&mu;&#x0302;<sub>g</sub>/&Sigma;w<sub>g</sub>
 * @param df degrees of freedom of Q<sub>between</sub>, G - 1 for G subgroups
 * @param pValue p-value of Q<sub>between</sub> against chi-squared with df degrees of freedom
 *     (NaN for a single subgroup)
 */
public record SubgroupResult(List<Subgroup> groups, HeterogeneityAssumption assumption,
                             double qBetween, int df, double pValue) {

    /**
     * @param groups one entry per level, in sorted level order
     * @param assumption separate or common tau<sup>2</sup>
     * @param qBetween the Q-between statistic
     * @param df its degrees of freedom
     * @param pValue its p-value
     */
    public SubgroupResult {
        groups = List.copyOf(groups);
    }

    /**
     * @param level a level of the grouping variable
     * @return that subgroup
     * @throws IllegalArgumentException when there is no such level
     */
    public Subgroup group(String level) {
        for (Subgroup g : groups) {
            if (g.level().equals(level)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no subgroup '" + level + "'");
    }
}
