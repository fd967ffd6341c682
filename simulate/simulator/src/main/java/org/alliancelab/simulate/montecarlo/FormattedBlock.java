package org.alliancelab.simulate.montecarlo;

import java.util.List;

/**
 * A finished block's records with the text of each ({@link RecordText#tail}), in replication order.
 *
 * @param records the records
 * @param tails per record, its text after the identifying columns
 */
record FormattedBlock(List<ReplicationRecord> records, List<String> tails) {
    /**
     * Formats records (as read from a checkpoint file).
     *
     * @param records the records
     * @return them with their text
     */
    static FormattedBlock of(List<ReplicationRecord> records) {
        String[] tails = new String[records.size()];
        for (int i = 0; i < tails.length; i++) {
            tails[i] = RecordText.tail(records.get(i));
        }
        return new FormattedBlock(records, List.of(tails));
    }

    /** @return a rough count of the bytes the block holds (text and values), for a memory budget */
    long footprint() {
        long bytes = 0;
        for (int i = 0; i < tails.size(); i++) {
            bytes += 2L * tails.get(i).length() + 8L * records.get(i).values().length + 96;
        }
        return bytes;
    }
}
