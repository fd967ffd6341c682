package org.alliancelab.cli;

/** The form of a command's tabular result. */
public enum TableFormat {
    /** CSV with a header, readable by the other commands (and R's read.csv). */
    CSV,
    /** One JSON object with the settings and one object per row. */
    JSON
}
