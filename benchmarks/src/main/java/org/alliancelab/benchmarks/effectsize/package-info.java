/** Benchmarks of effect-size computation: correlation and sample size to yi and vi. */
package org.alliancelab.benchmarks.effectsize;
