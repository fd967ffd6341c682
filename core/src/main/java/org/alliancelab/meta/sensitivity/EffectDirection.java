package org.alliancelab.meta.sensitivity;

/**
 * The direction of a pooled effect, which decides the tail that the confounded meta-analysis
 * counts and the direction in which bias is removed (Mathur &amp; VanderWeele 2020,
 * doi:10.1080/01621459.2018.1529598; EValue's {@code tail = "above"} and {@code "below"}).
 */
public enum EffectDirection {
    /** Pooled log risk ratio &ge; 0: the proportion of true effects above q; bias shifts them down. */
    APPARENTLY_CAUSATIVE,
    /** Pooled log risk ratio &lt; 0: the proportion of true effects below q; bias shifts them up. */
    APPARENTLY_PREVENTIVE
}
