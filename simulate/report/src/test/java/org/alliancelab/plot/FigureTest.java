package org.alliancelab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {

    @TempDir
    Path tmp;

    static Figure square() {
        return Figure.of(100, 50, g2 -> {
            g2.setColor(Color.BLUE);
            g2.fill(new Rectangle2D.Double(10.123456, 10, 20, 20));
        });
    }

    @Test
    void svgHasAViewBoxPrefixedIdsAndShortNumbers() {
        String svg = square().toSvgElement("x1-");
        assertTrue(svg.startsWith("<svg id='x1-svg'"), svg);
        assertTrue(svg.contains("viewBox='0 0 100 50'"), svg);
        assertTrue(svg.contains("x='10.12'"), svg);
        assertEquals("0", Figure.twoDecimals(-0.001));
        assertEquals("1.5", Figure.twoDecimals(1.5));
        assertEquals("12", Figure.twoDecimals(12.0));
    }

    @Test
    void formatFollowsTheExtension() {
        assertEquals(PlotFormat.SVG, PlotFormat.fromFileName(Path.of("a/b/forest.SVG")));
        assertEquals(PlotFormat.PNG, PlotFormat.fromFileName(Path.of("funnel.png")));
        assertThrows(IllegalArgumentException.class, () -> PlotFormat.fromFileName(Path.of("forest.svg.txt")));
        assertThrows(IllegalArgumentException.class, () -> Figure.of(0, 10, g2 -> { }));
    }

    @Test
    void newFilesAreWorldReadableAndReplacedFilesKeepTheirPermissions() throws Exception {
        Path fresh = tmp.resolve("fresh.svg");
        square().write(fresh);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Path kept = tmp.resolve("kept.svg");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        square().write(kept);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertTrue(Files.readString(kept).contains("<svg"));
    }
}
