package org.alliancelab.simulate.scenario;

/**
 * An invalid scenario: malformed JSON, an unknown key, a missing or out-of-range field, an
 * invalid causal model (cycle, unknown node, reliability outside (0, 1], paths explaining
 * 100% or more of a node's variance), an empty grid, bad probabilities, or a scenario an
 * engine cannot represent.
 *
 * <p>The message is one line: {@code SOURCE: POINTER: problem}, where {@link #source()} is the
 * file name or built-in name and {@link #pointer()} the JSON pointer (RFC 6901) of the
 * offending field (empty for the whole document).
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the file name or built-in name */
    private final String source;
    /** @serial the JSON pointer of the offending field */
    private final String pointer;
    /** @serial what is wrong, without the location */
    private final String problem;

    /**
     * @param source file name or built-in name
     * @param pointer JSON pointer of the offending field ("" for the document)
     * @param problem what is wrong, one line
     */
    public ScenarioException(String source, String pointer, String problem) {
        super(format(source, pointer, problem));
        this.source = source;
        this.pointer = pointer;
        this.problem = problem;
    }

    private static String format(String source, String pointer, String problem) {
        String oneLine = problem == null ? "invalid" : problem.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return source + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + oneLine;
    }

    /** @return the file name or built-in name of the scenario */
    public String source() {
        return source;
    }

    /** @return the JSON pointer of the offending field, "" for the whole document */
    public String pointer() {
        return pointer;
    }

    /** @return the problem without source and pointer */
    public String problem() {
        return problem;
    }
}
