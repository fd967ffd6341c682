package org.alliancelab.simulate.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.Failure;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Columns and values cannot get out of step: every way to write past a declaration is refused. */
class ColumnWriterTest {

    private static final ColumnGroup AB = new ColumnGroup("x", List.of("a", "b"));
    private static final ColumnGroup C = new ColumnGroup("y", List.of("c"));

    @Test
    void valuesGoToTheirDeclaredColumnsWhateverTheLayoutOrder() {
        RecordLayout layout = RecordLayout.ofGroups(List.of(C, AB));
        assertEquals(List.of("y.c", "x.a", "x.b"), layout.columns());
        double[] record = new double[3];
        Arrays.fill(record, Double.NaN);
        layout.writer(AB).write(record, 1, 2);
        assertArrayEquals(new double[] {Double.NaN, 1, 2}, record);
    }

    @Test
    void fewerOrMoreValuesThanColumnsAreCaughtAndNothingIsWritten() {
        RecordLayout layout = RecordLayout.ofGroups(List.of(AB, C));
        ColumnWriter w = layout.writer(AB);
        double[] record = {Double.NaN, Double.NaN, Double.NaN};
        ColumnMismatchException few = assertThrows(ColumnMismatchException.class, () -> w.write(record, 1));
        assertEquals("x: 1 values for the 2 columns [a, b]", few.getMessage());
        assertThrows(ColumnMismatchException.class, () -> w.write(record, 1, 2, 3));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, record);
    }

    @Test
    void aGroupTheLayoutDoesNotHoldCannotBeWritten() {
        RecordLayout layout = RecordLayout.ofGroups(List.of(AB));
        assertThrows(IllegalArgumentException.class, () -> layout.writer(C));
        assertThrows(IllegalArgumentException.class,
            () -> layout.writer(new ColumnGroup("x", List.of("a", "b", "extra"))));
    }

    @Test
    void repeatedColumnsAndEmptyGroupsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecordLayout.ofGroups(List.of(AB, AB)));
        assertThrows(IllegalArgumentException.class, () -> new ColumnGroup("z", List.of()));
    }

    /** An analysis whose computation writes fewer values than it declares fails at its first record. */
    @Test
    void anAnalysisWhoseValuesDisagreeWithItsColumnsIsCaught() {
        Condition condition = Scenario.resolve("causal").conditions().get(0);
        Analysis broken = new Analysis() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ColumnGroup> columns() {
                return List.of(new ColumnGroup("broken", List.of("estimate", "se", "p")));
            }

            @Override
            public List<MeasureSpec> measures(ConditionInfo info) {
                return List.of();
            }

            @Override
            public Computation newComputation(Condition c, RecordLayout layout) {
                ColumnWriter w = layout.writer(columns().get(0));
                return (data, record, failures) -> w.write(record, 0.1, 0.2);
            }
        };
        RecordLayout layout = RecordLayout.ofGroups(broken.columns());
        Analysis.Computation computation = broken.newComputation(condition, layout);
        List<Failure> failures = new ArrayList<>();
        ColumnMismatchException e = assertThrows(ColumnMismatchException.class,
            () -> computation.compute(null, new double[layout.size()], failures));
        assertEquals("broken: 2 values for the 3 columns [estimate, se, p]", e.getMessage());
    }
}
