package org.alliancelab.simulate.scenario;

import java.util.List;

/**
 * A categorical study-level moderator: each study independently draws one level with the
 * level probabilities (which sum to 1).
 *
 * @param name moderator name
 * @param levels the levels, in scenario order
 */
public record Moderator(String name, List<ModeratorLevel> levels) {
    /**
     * Defensive copy.
     *
     * @param levels the levels, in scenario order
     * @param name moderator name
     */
    public Moderator {
        levels = List.copyOf(levels);
    }
}
