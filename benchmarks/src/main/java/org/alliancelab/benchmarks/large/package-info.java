/**
 * Benchmarks of the library at sizes far beyond a typical synthesis (10<sup>4</sup> to
 * 10<sup>7</sup> studies): the figures behind the limits the command line states.
 */
package org.alliancelab.benchmarks.large;
