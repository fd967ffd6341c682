/** Benchmarks of the simulator: one replication per engine, and whole runs at 1 and 2 threads. */
package org.alliancelab.benchmarks.simulation;
