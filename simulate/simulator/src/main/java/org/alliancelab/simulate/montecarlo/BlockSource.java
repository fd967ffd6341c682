package org.alliancelab.simulate.montecarlo;

import java.io.IOException;
import java.util.List;

/** Where finished blocks of replication records are read from (a checkpoint or shard directories). */
interface BlockSource {
    /**
     * @param condition condition index
     * @param block block index
     * @return whether the block is available
     */
    boolean has(int condition, int block);

    /**
     * @param condition condition index
     * @param block block index
     * @param first its first replication
     * @param end one past its last replication
     * @return its records in replication order
     * @throws IOException on a read error
     */
    List<ReplicationRecord> read(int condition, int block, int first, int end) throws IOException;

    /**
     * {@link #read} with each record's text; a source that keeps finished blocks in memory
     * returns them without reading or formatting again.
     *
     * @param condition condition index
     * @param block block index
     * @param first its first replication
     * @param end one past its last replication
     * @return its records and their text in replication order
     * @throws IOException on a read error
     */
    default FormattedBlock readFormatted(int condition, int block, int first, int end) throws IOException {
        return FormattedBlock.of(read(condition, block, first, end));
    }
}
