package org.alliancelab.simulate.results;

/** The names of the files of a finished {@code simulate} output directory. */
public final class RunFiles {
    /** Per-condition results: truths, measures with MCSEs, failures, the scenario ({@link SummaryJson}). */
    public static final String SUMMARY_JSON = "summary.json";
    /** The same measures as a tidy table: one row per condition, analysis, measure and estimand. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** One row per condition and replication: every analysis's columns and the failures. */
    public static final String REPLICATIONS_CSV = "replications.csv";

    private RunFiles() {
    }
}
