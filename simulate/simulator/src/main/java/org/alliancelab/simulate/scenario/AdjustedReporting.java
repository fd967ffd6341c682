package org.alliancelab.simulate.scenario;

import java.util.Map;

/** Which published studies report an adjusted (partial) correlation. */
public sealed interface AdjustedReporting {

    /**
     * Each published study independently reports with this probability.
     *
     * @param fraction probability in [0, 1]
     */
    record Fraction(double fraction) implements AdjustedReporting {
    }

    /**
     * Exactly {@code count} of the published studies, chosen at random (all if fewer are
     * published).
     *
     * @param count number of reporting studies
     */
    record Count(int count) implements AdjustedReporting {
    }

    /**
     * A rule: the reporting probability depends on the study's level of a moderator (levels
     * not listed never report).
     *
     * @param moderator the moderator's name
     * @param probabilities level name to reporting probability in [0, 1]
     */
    record ByModerator(String moderator, Map<String, Double> probabilities) implements AdjustedReporting {
        /**
         * Defensive copy.
         *
         * @param probabilities level name to reporting probability in [0, 1]
         * @param moderator the moderator's name
         */
        public ByModerator {
            probabilities = Map.copyOf(probabilities);
        }
    }
}
