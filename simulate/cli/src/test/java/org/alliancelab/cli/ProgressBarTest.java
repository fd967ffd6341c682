package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void drawsOnOneLineAndEndsItWhenDone() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "causal");
        bar.progress(100, 400); // resumed from a checkpoint: no rate yet, no ETA
        bar.progress(400, 400);
        String out = s.toString();
        assertTrue(out.startsWith("\rcausal [########"), out);
        assertTrue(out.contains(" 25% 100/400"), out);
        assertTrue(out.contains("100% 400/400"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "exactly one line end, at the end");
        assertTrue(out.endsWith("\n"));
        bar.finish(); // nothing more after a finished bar
        assertEquals(out, s.toString());
    }

    @Test
    void clockFormat() {
        assertEquals("0:07", ProgressBar.clock(7));
        assertEquals("2:05", ProgressBar.clock(125));
        assertEquals("1:00:01", ProgressBar.clock(3601));
    }
}
