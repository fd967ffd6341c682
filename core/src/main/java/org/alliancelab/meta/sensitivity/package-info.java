/**
 * Sensitivity analyses of a random-effects meta-analysis: leave-one-out, influence diagnostics
 * and cumulative meta-analysis, as metafor's {@code leave1out}, {@code influence} and
 * {@code cumul} for models without moderators; and the robustness of a pooled correlation to
 * unmeasured confounding: E-values ({@link org.alliancelab.meta.sensitivity.EValue}), the
 * parametric confounded meta-analysis of Mathur &amp; VanderWeele
 * ({@link org.alliancelab.meta.sensitivity.ConfoundedMetaAnalysis}) and the robustness value of
 * Cinelli &amp; Hazlett ({@link org.alliancelab.meta.sensitivity.RobustnessValue}).
 */
package org.alliancelab.meta.sensitivity;
