/**
 * Sensitivity analyses of a random-effects meta-analysis: leave-one-out, influence diagnostics
 * and cumulative meta-analysis, as metafor's {@code leave1out}, {@code influence} and
 * {@code cumul} for models without moderators.
 */
package org.alliancelab.meta.sensitivity;
