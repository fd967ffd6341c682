package org.alliancelab.simulate.montecarlo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void numbersRoundTripExactly() {
        double[] xs = {0.1, 1.0 / 3, -2.5e-300, 295, -0.0, 1e15, 123456789.125, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        for (double x : xs) {
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(Csv.parseNumber(Csv.number(x))),
                Csv.number(x));
        }
        assertEquals("295", Csv.number(295));
        assertEquals("NA", Csv.number(Double.NaN));
    }

    @Test
    void textIsQuotedOnlyWhenNeededAndSplitsBack() {
        assertEquals("plain", Csv.text("plain"));
        String line = String.join(",", Csv.text("a,b"), Csv.text("say \"hi\""), "", Csv.text("x"));
        assertEquals(List.of("a,b", "say \"hi\"", "", "x"), Csv.split(line));
        assertThrows(IllegalArgumentException.class, () -> Csv.split("\"open"));
    }
}
