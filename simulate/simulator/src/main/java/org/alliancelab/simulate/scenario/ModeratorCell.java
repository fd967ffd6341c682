package org.alliancelab.simulate.scenario;

import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.model.ExpectedTruth;
import org.alliancelab.simulate.model.StructuralModel;
import org.alliancelab.simulate.model.TruthValues;

/**
 * One combination of moderator levels (one level per moderator) and the structural model its
 * studies follow: the condition's model with each level's overrides applied in moderator order
 * (a later moderator's override of the same path or reliability wins).
 *
 * @param index position in {@link Condition#cells()}: mixed radix of the level indices, first
 *     moderator slowest
 * @param levelIndices level index per moderator
 * @param levels moderator name to level name, in moderator order
 * @param probability product of the level probabilities
 * @param model the cell's model
 * @param target the model's population values, averaged over the between-study variation of
 *     the paths ({@link ExpectedTruth})
 */
public record ModeratorCell(int index, List<Integer> levelIndices, Map<String, String> levels,
                            double probability, StructuralModel model, ExpectedTruth target) {
    /**
     * Defensive copies (levels keeps its iteration order).
     *
     * @param levelIndices level index per moderator
     * @param levels moderator name to level name, in moderator order
     * @param index position in {@link Condition#cells()}: mixed radix of the level indices, first
     *     moderator slowest
     * @param model the cell's model
     * @param probability product of the level probabilities
     * @param target the model's population values, averaged over the between-study variation of
     *     the paths ({@link ExpectedTruth})
     */
    public ModeratorCell {
        levelIndices = List.copyOf(levelIndices);
        levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
    }

    /** @return what the cell's pooled analyses estimate ({@link ExpectedTruth#values()}) */
    public TruthValues truth() {
        return target.values();
    }
}
