package org.alliancelab.simulate.montecarlo;

/**
 * A deterministic part of the work of a run: shard {@code i} of {@code K} (1-based) runs the
 * work blocks whose unit number u (see {@link WorkPlan}) satisfies u mod K = i - 1. The K shards
 * partition the conditions x replications exactly, whatever machine runs them.
 *
 * @param index shard number, 1 to count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** The whole run. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * Validates the numbers.
     *
     * @param index shard number, 1 to count
     * @param count number of shards, at least 1
     */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/K with 1 <= i <= K, got " + index + "/" + count);
        }
    }

    /**
     * @param text "i/K", e.g. "2/4"
     * @return the shard
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/");
        if (p.length != 2) {
            throw new IllegalArgumentException("shard must be i/K (e.g. 2/4), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be i/K (e.g. 2/4), got '" + text + "'", e);
        }
    }

    /** @return whether this is the whole run */
    public boolean isAll() {
        return count == 1;
    }

    /**
     * @param unit a work unit number
     * @return whether this shard runs it
     */
    public boolean contains(long unit) {
        return unit % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
