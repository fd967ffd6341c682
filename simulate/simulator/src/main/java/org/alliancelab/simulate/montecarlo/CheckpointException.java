package org.alliancelab.simulate.montecarlo;

/**
 * A checkpoint or shard directory cannot be used: it belongs to a different run, a file in it
 * is damaged, or shards are missing. The message is one line naming the directory or file.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the directory or file and the problem */
    public CheckpointException(String message) {
        super(message);
    }
}
