package org.alliancelab.cli;

/** The form of a command's result. */
public enum OutputFormat {
    /** A readable summary for people. */
    TEXT,
    /** One JSON object with fixed keys, full double precision, null for values that do not exist. */
    JSON
}
