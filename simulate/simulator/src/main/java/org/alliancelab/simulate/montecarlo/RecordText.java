package org.alliancelab.simulate.montecarlo;

import java.util.List;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.results.Failure;

/**
 * The text of one replication record that the checkpoint block files and {@code replications.csv}
 * share: every value and the failures, after the columns that identify the row. Formatting it once
 * per record, when its block finishes, spares the output pass a second formatting (and, for blocks
 * still in memory, the parse of the checkpoint file).
 */
final class RecordText {
    private RecordText() {
    }

    /**
     * @param r the record
     * @return {@code ,v1,...,vN,failures} and a newline, numbers by {@link Csv#number}
     */
    static String tail(ReplicationRecord r) {
        StringBuilder sb = new StringBuilder(16 * r.values().length + 16);
        for (double v : r.values()) {
            sb.append(',').append(Csv.number(v));
        }
        return sb.append(',').append(Csv.text(FailureText.format(r.failures()))).append('\n').toString();
    }

    /**
     * The failures as a reader of the checkpoint file sees them (the text format cleans reasons),
     * so a record kept in memory summarizes exactly as one read back from the file.
     *
     * @param failures the failures of a replication
     * @return them after a round trip through {@link FailureText}
     */
    static List<Failure> asStored(List<Failure> failures) {
        return failures.isEmpty() ? failures : FailureText.parse(FailureText.format(failures));
    }
}
