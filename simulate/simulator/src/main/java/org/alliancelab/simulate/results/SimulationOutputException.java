package org.alliancelab.simulate.results;

import java.nio.file.Path;

/**
 * A {@code simulate} output file that cannot be read. The message follows the command line's
 * convention for input errors (docs/cli.md): {@code FILE:LINE: column 'NAME': what} for CSV
 * files, {@code FILE: /json/pointer: what} for JSON, {@code FILE: what} for the whole file.
 */
public final class SimulationOutputException extends Exception {

    private static final long serialVersionUID = 1L;

    private SimulationOutputException(String message) {
        super(message);
    }

    /**
     * @param file the CSV file
     * @param line line as an editor numbers it (header = 1)
     * @param column column name, or "" when the problem is the whole line
     * @param message what is wrong
     * @return the exception
     */
    public static SimulationOutputException csv(Path file, int line, String column, String message) {
        return new SimulationOutputException(file + ":" + line + ": "
            + (column.isEmpty() ? "" : "column '" + column + "': ") + message);
    }

    /**
     * @param file the JSON file
     * @param pointer JSON pointer of the offending value
     * @param message what is wrong
     * @return the exception
     */
    public static SimulationOutputException json(Path file, String pointer, String message) {
        return new SimulationOutputException(file + ": " + pointer + ": " + message);
    }

    /**
     * @param file the file
     * @param message what is wrong with it as a whole
     * @return the exception
     */
    public static SimulationOutputException file(Path file, String message) {
        return new SimulationOutputException(file + ": " + message);
    }
}
