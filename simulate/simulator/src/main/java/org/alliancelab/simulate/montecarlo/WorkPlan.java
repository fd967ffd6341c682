package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits conditions x replications into blocks of {@link #BLOCK_SIZE} consecutive replications
 * of one condition: the unit of parallel work, of checkpointing and of sharding. Block b of
 * condition c holds replications [b B, min((b + 1) B, R)) and has unit number
 * u = c ceil(R / B) + b. The block size changes neither the random streams nor the results,
 * only how the work is cut.
 *
 * @param conditions number of conditions
 * @param replications replications per condition
 */
record WorkPlan(int conditions, int replications) {
    /** Replications per block. */
    static final int BLOCK_SIZE = 50;

    /** @return blocks per condition, ceil(R / B) */
    int blocksPerCondition() {
        return (replications + BLOCK_SIZE - 1) / BLOCK_SIZE;
    }

    /**
     * @param condition condition index
     * @param block block index within the condition
     * @return the unit number
     */
    long unit(int condition, int block) {
        return (long) condition * blocksPerCondition() + block;
    }

    /**
     * @param block block index
     * @return first replication of the block
     */
    int firstReplication(int block) {
        return block * BLOCK_SIZE;
    }

    /**
     * @param block block index
     * @return one past the last replication of the block
     */
    int endReplication(int block) {
        return Math.min(replications, (block + 1) * BLOCK_SIZE);
    }

    /**
     * @param shard the shard
     * @return its blocks in unit order, as {condition, block}
     */
    List<int[]> blocks(Shard shard) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c < conditions; c++) {
            for (int b = 0; b < blocksPerCondition(); b++) {
                if (shard.contains(unit(c, b))) {
                    out.add(new int[] {c, b});
                }
            }
        }
        return out;
    }
}
