package org.alliancelab.simulate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancelab.simulate.results.Analyses;

/**
 * Columns of the replication record that one analysis writes under one name: {@code
 * <analysis>.<quantity>} for each quantity, in order. An analysis declares its groups once
 * ({@link Analysis#columns()}); the layout is their concatenation and values reach the record
 * only through a {@link ColumnWriter} bound to a declared group, so the columns and the values
 * written cannot get out of step.
 *
 * @param analysis the analysis name (e.g. {@code adjusted}, {@code timing=early})
 * @param quantities its quantities, e.g. {@code k, r, se}
 */
public record ColumnGroup(String analysis, List<String> quantities) {
    /**
     * Copies the list; a group has at least one quantity.
     *
     * @param quantities its quantities, e.g. {@code k, r, se}
     * @param analysis the analysis name (e.g. {@code adjusted}, {@code timing=early})
     */
    public ColumnGroup {
        Objects.requireNonNull(analysis, "analysis");
        quantities = List.copyOf(quantities);
        if (quantities.isEmpty()) {
            throw new IllegalArgumentException(analysis + ": a column group needs at least one quantity");
        }
    }

    /** @return the column names, {@code analysis.quantity} */
    public List<String> columns() {
        List<String> out = new ArrayList<>(quantities.size());
        for (String q : quantities) {
            out.add(Analyses.column(analysis, q));
        }
        return out;
    }
}
