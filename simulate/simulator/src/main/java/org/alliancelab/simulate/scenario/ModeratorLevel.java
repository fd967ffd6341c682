package org.alliancelab.simulate.scenario;

import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.model.Path;

/**
 * One level of a categorical study-level moderator.
 *
 * @param name level name
 * @param probability probability that a study has this level
 * @param paths overrides of existing paths (matched by from/to; NaN sd keeps the base sd)
 * @param reliabilities overrides of reliabilities, node name to value
 */
public record ModeratorLevel(String name, double probability, List<Path> paths,
                             Map<String, Double> reliabilities) {
    /**
     * Defensive copies.
     *
     * @param paths overrides of existing paths (matched by from/to; NaN sd keeps the base sd)
     * @param reliabilities overrides of reliabilities, node name to value
     * @param name level name
     * @param probability probability that a study has this level
     */
    public ModeratorLevel {
        paths = List.copyOf(paths);
        reliabilities = Map.copyOf(reliabilities);
    }

    /** @return whether this level changes the model */
    public boolean overridesModel() {
        return !paths.isEmpty() || !reliabilities.isEmpty();
    }
}
