package org.alliancelab.cli.io;

import java.util.Optional;

/**
 * A problem with a user's input file, located as precisely as it can be: the file, the
 * physical line (1-based, as a text editor numbers it; the header is line 1) and the column.
 *
 * <p>The message has the form compilers use, so that editors and users can jump to the spot:
 * <pre>
 * studies.csv:7: column 'r': correlation must lie strictly between -1 and 1, got 1.2
 * studies.csv:1: column 'n': required column is missing (columns: study, r)
 * missing.csv: file not found
 * </pre>
 * The command line prints {@link #getMessage()} as its one line on standard error and exits
 * with code 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file as the user named it. */
    private final String file;
    /** 1-based physical line, or 0 when the problem concerns the whole file. */
    private final int line;
    /** The column at fault, or null. */
    private final String column;
    /** What is wrong, without the location. */
    private final String problem;

    private InputException(String file, int line, String column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * A problem with the whole file (missing, unreadable, empty).
     *
     * @param file the file as the user named it
     * @param problem what is wrong
     * @return the exception
     */
    public static InputException inFile(String file, String problem) {
        return new InputException(file, 0, null, problem, null);
    }

    /**
     * A problem with the whole file, caused by an I/O error.
     *
     * @param file the file as the user named it
     * @param problem what is wrong
     * @param cause the underlying error
     * @return the exception
     */
    public static InputException inFile(String file, String problem, Throwable cause) {
        return new InputException(file, 0, null, problem, cause);
    }

    /**
     * A problem on one line, not tied to a column (e.g. a row with too few fields).
     *
     * @param file the file as the user named it
     * @param line 1-based physical line
     * @param problem what is wrong
     * @return the exception
     */
    public static InputException atLine(String file, int line, String problem) {
        return new InputException(file, line, null, problem, null);
    }

    /**
     * A problem in one cell (or, on line 1, with one column of the header).
     *
     * @param file the file as the user named it
     * @param line 1-based physical line
     * @param column the column name
     * @param problem what is wrong
     * @return the exception
     */
    public static InputException atCell(String file, int line, String column, String problem) {
        return new InputException(file, line, column, problem, null);
    }

    /** @return the file as the user named it */
    public String file() {
        return file;
    }

    /** @return the 1-based physical line, or 0 when the problem concerns the whole file */
    public int line() {
        return line;
    }

    /** @return the column at fault, if any */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        return sb.append(problem).toString();
    }
}
