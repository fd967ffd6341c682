package org.alliancelab.simulate.analysis;

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
     * Concatenates the groups' columns.
     *
     * @param groups column groups, in record order
     * @return the layout
     * @throws IllegalArgumentException when a column repeats
     */
    public static RecordLayout ofGroups(List<ColumnGroup> groups) {
        List<String> columns = new java.util.ArrayList<>();
        for (ColumnGroup g : groups) {
            columns.addAll(g.columns());
        }
        return new RecordLayout(columns);
    }

    /**
     * @param group a column group
     * @return whether every column of the group is in this layout
     */
    public boolean contains(ColumnGroup group) {
        for (String c : group.columns()) {
            if (!index.containsKey(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param group a column group of this layout
     * @return the writer of its values
     * @throws IllegalArgumentException when a column of the group is not in the layout
     */
    public ColumnWriter writer(ColumnGroup group) {
        List<String> columns = group.columns();
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = indexOf(columns.get(i));
        }
        return new ColumnWriter(group, at);
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
