/**
 * JMH benchmarks of alliance-lab, in the style of the JMH samples.
 *
 * <p>Build with {@code mvn package}, then run {@code java -jar benchmarks/target/benchmarks.jar}
 * (all benchmarks) or {@code java -jar benchmarks/target/benchmarks.jar 'Pooling|Floor'}
 * (the pooling hot path and its floor in one run, so pooling times can be stated as multiples
 * of the floor). See {@code docs/performance.md} for the measured table and exact commands.
 */
package org.alliancelab.benchmarks;
