/** Benchmarks of the publication-bias methods. */
package org.alliancelab.benchmarks.bias;
