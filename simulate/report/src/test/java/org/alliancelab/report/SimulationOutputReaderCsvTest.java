package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.alliancelab.simulate.results.SimulationOutputException;
import org.junit.jupiter.api.Test;

/**
 * The CSV dialect of {@code replications.csv} as the report's reader splits it: RFC 4180
 * quoting, and one-line errors that name the file and row.
 */
class SimulationOutputReaderCsvTest {

    private static final Path FILE = Path.of("run", "replications.csv");

    @Test
    void splitsQuotedFieldsWithDoubledQuotesAndEmptyFields() throws SimulationOutputException {
        assertEquals(List.of("1", "a,b", "say \"hi\"", "", "NA"),
            SimulationOutputReader.split(FILE, 2, "1,\"a,b\",\"say \"\"hi\"\"\",,NA"));
        assertEquals(List.of(""), SimulationOutputReader.split(FILE, 2, ""));
        assertEquals(List.of("x", ""), SimulationOutputReader.split(FILE, 2, "x,"));
    }

    @Test
    void malformedQuotingNamesFileAndRow() {
        SimulationOutputException open = assertThrows(SimulationOutputException.class,
            () -> SimulationOutputReader.split(FILE, 7, "1,\"open"));
        assertEquals(FILE + ":7: unterminated quote", open.getMessage());
        SimulationOutputException after = assertThrows(SimulationOutputException.class,
            () -> SimulationOutputReader.split(FILE, 3, "\"a\"b,1"));
        assertEquals(FILE + ":3: text after a closing quote", after.getMessage());
    }
}
