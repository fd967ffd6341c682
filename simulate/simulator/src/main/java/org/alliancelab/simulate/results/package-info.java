/**
 * The vocabulary of results, shared by the simulator, the command line, the plots and the
 * report: the analysis names ({@link org.alliancelab.simulate.results.Analyses}), the estimands
 * ({@link org.alliancelab.simulate.results.Estimand}), the measure names
 * ({@link org.alliancelab.simulate.results.MeasureNames}), the synthesis's figures, and the one
 * model of {@code summary.json} ({@link org.alliancelab.simulate.results.RunSummary}) with its
 * writer and reader ({@link org.alliancelab.simulate.results.SummaryJson}).
 */
package org.alliancelab.simulate.results;
