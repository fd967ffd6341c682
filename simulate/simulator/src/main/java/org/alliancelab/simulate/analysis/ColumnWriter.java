package org.alliancelab.simulate.analysis;

import java.util.List;

/**
 * Writes the values of one {@link ColumnGroup} into a replication record: one value per
 * declared quantity, in the declared order, or none. Obtained from
 * {@link RecordLayout#writer(ColumnGroup)}, which refuses a group the layout does not hold.
 */
public final class ColumnWriter {
    private final ColumnGroup group;
    private final int[] index;

    ColumnWriter(ColumnGroup group, int[] index) {
        this.group = group;
        this.index = index;
    }

    /** @return the group written */
    public ColumnGroup group() {
        return group;
    }

    /**
     * @param record the replication record, in layout order
     * @param values one value per quantity of the group, in its order
     * @throws ColumnMismatchException when the number of values is not the number of quantities:
     *     an analysis whose values and columns disagree fails loudly instead of shifting columns
     */
    public void write(double[] record, double... values) {
        if (values.length != index.length) {
            throw new ColumnMismatchException(group.analysis() + ": " + values.length + " values for the "
                + index.length + " columns " + group.quantities());
        }
        for (int i = 0; i < index.length; i++) {
            record[index[i]] = values[i];
        }
    }

    /**
     * @param quantities the quantities to check against
     * @return whether the group has exactly these quantities
     */
    boolean writes(List<String> quantities) {
        return group.quantities().equals(quantities);
    }
}
