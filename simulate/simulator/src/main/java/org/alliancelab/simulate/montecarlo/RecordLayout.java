package org.alliancelab.simulate.montecarlo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric columns of a replication record, in output order. Every replication of a run
 * fills the same columns (NaN where an analysis failed or does not apply), so that
 * {@code replications.csv} is rectangular.
 */
public final class RecordLayout {
    private final List<String> columns;
    private final Map<String, Integer> index;

    private RecordLayout(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i));
            }
        }
    }

    /**
     * @param columns distinct column names
     * @return the layout
     * @throws IllegalArgumentException when a name repeats
     */
    public static RecordLayout of(List<String> columns) {
        return new RecordLayout(columns);
    }

    /** @return the column names in order */
    public List<String> columns() {
        return columns;
    }

    /** @return the number of columns */
    public int size() {
        return columns.size();
    }

    /**
     * @param column a column name
     * @return its position
     * @throws IllegalArgumentException when the layout has no such column
     */
    public int indexOf(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return i;
    }
}
