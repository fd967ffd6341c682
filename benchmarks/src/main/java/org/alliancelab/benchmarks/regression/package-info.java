/** Benchmarks of mixed-effects meta-regression. */
package org.alliancelab.benchmarks.regression;
