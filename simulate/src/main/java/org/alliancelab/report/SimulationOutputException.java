package org.alliancelab.report;

import java.nio.file.Path;

/**
 * A {@code simulate} output file that cannot be read: the message names the file, the row
 * (1-based line for CSV, a JSON pointer for JSON) and the field.
 */
public final class SimulationOutputException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the file
     * @param where row or JSON location, e.g. "row 12" or "/conditions/0/factors"
     * @param field the field, or "" when the whole file is wrong
     * @param message what is wrong
     */
    public SimulationOutputException(Path file, String where, String field, String message) {
        super(file + (where.isEmpty() ? "" : ": " + where) + (field.isEmpty() ? "" : ", field " + field)
            + ": " + message);
    }
}
