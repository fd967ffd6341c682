package org.alliancelab.meta.subgroup;

import org.alliancelab.meta.pooling.MetaAnalysisResult;

/**
 * The pooled result of one subgroup.
 *
 * @param level the level of the grouping variable
 * @param result the pooled estimate of the studies at that level
 */
public record Subgroup(String level, MetaAnalysisResult result) {
}
