/**
 * Timers run by {@code benchmarks/compare-metafor.sh} to set alliance-lab side by side with R
 * metafor on the same inputs, in one warmed-up JVM process. They print tab-separated lines
 * that the script joins with R's timings.
 */
package org.alliancelab.benchmarks.compare;
