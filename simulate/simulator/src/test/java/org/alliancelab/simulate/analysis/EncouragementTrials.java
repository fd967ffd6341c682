package org.alliancelab.simulate.analysis;

import java.util.Locale;

/** Scenario texts of small encouragement trials for the IV tests. */
final class EncouragementTrials {
    private EncouragementTrials() {
    }

    /**
     * X = .3 U + a Z + e, Y = b X + g Z + .3 U + e, U unobserved; Z binary (share .5) or normal.
     *
     * @return the scenario JSON
     */
    static String scenario(String randomized, double first, double effect, double direct, int studies, int n,
                           int replications, String estimator) {
        return String.format(Locale.ROOT, """
            {
              "name": "iv-test", "seed": 11, "replications": %d,
              "model": {
                "nodes": [
                  {"name": "Z", "randomized": %s},
                  {"name": "X", "reliability": 0.8},
                  {"name": "Y", "reliability": 0.9},
                  {"name": "U", "observed": false}
                ],
                "paths": [
                  {"from": "Z", "to": "X", "beta": %s},
                  {"from": "U", "to": "X", "beta": 0.3},
                  {"from": "U", "to": "Y", "beta": 0.3},
                  {"from": "X", "to": "Y", "beta": %s},
                  {"from": "Z", "to": "Y", "beta": %s}
                ],
                "exposure": "X", "outcome": "Y"
              },
              "design": {"studies": %d, "sampleSize": {"distribution": "fixed", "n": %d}},
              "analyses": {"estimator": "%s"}
            }
            """, replications, randomized, first, effect, direct, studies, n, estimator);
    }
}
