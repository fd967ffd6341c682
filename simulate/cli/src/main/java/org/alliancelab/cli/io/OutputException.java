package org.alliancelab.cli.io;

/**
 * An output file could not be written (missing directory, no permission, disk full). The
 * command line prints the message as its one line on standard error and exits with code 2;
 * no partial file is left behind (see {@link AtomicOutput}).
 */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;

    private OutputException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /**
     * @param file the output file as the user named it
     * @param problem what went wrong
     * @param cause the underlying error, or null
     * @return the exception
     */
    public static OutputException of(String file, String problem, Throwable cause) {
        return new OutputException(file, problem, cause);
    }

    /** @return the output file as the user named it */
    public String file() {
        return file;
    }
}
