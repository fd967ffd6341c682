package org.alliancelab.simulate.results;

/**
 * An analysis that failed in one replication.
 *
 * @param analysis the analysis (e.g. {@code adjusted}), or {@code replication} when the whole
 *     replication failed
 * @param reason one line saying why (e.g. the exception's class and message)
 */
public record Failure(String analysis, String reason) {

    /**
     * @param analysis the analysis that failed
     * @param e the cause
     * @return a failure naming the exception's simple class name and message
     */
    public static Failure of(String analysis, Throwable e) {
        String m = e.getMessage();
        return new Failure(analysis, e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
}
