/**
 * Benchmarks of random-effects pooling on primitive arrays, and of the memory/compute floor:
 * one pass over the same two arrays.
 */
package org.alliancelab.benchmarks.pooling;
