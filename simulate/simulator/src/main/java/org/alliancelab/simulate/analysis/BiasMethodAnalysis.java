package org.alliancelab.simulate.analysis;

import java.util.List;

/**
 * What the publication-bias analyses share besides their input ({@link BiasColumns}): a name
 * and one column group of that name, declared once. Each method is a subclass that states its
 * quantities, measures and computation; {@link SensitivityAnalysis}, also one group of its own
 * name, is one too.
 */
abstract class BiasMethodAnalysis implements Analysis {
    private final ColumnGroup columns;

    /**
     * @param name the analysis name
     * @param quantities its columns, {@code name.quantity}
     */
    BiasMethodAnalysis(String name, List<String> quantities) {
        this.columns = new ColumnGroup(name, quantities);
    }

    @Override
    public final String name() {
        return columns.analysis();
    }

    @Override
    public final List<ColumnGroup> columns() {
        return List.of(columns);
    }

    /** @return the one column group, to bind a writer to */
    final ColumnGroup group() {
        return columns;
    }
}
