package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.alliancelab.io.AtomicFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report at a desktop (1280 px) and a phone (390 px) width in headless Chromium: nothing
 * is cut at the edges of the screen. A table or figure wider than the screen would ink the
 * page's outermost pixel columns (the page keeps a white margin on both sides); wide tables
 * scroll inside the page instead, and long paths wrap (the CI machine's deeper clone once pushed a
 * path in the lead paragraph past the edge). The screenshots stay in target/browser for a human to look at
 * (docs/plots.md).
 */
class ReportWidthTest {

    /** A frontier with compatible and incompatible points and an edge, as frontier writes them. */
    static FrontierOutput frontier(Path dir) {
        List<FrontierOutput.Point> points = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            double v = i / 100.0;
            boolean ok = v <= 0.22;
            points.add(new FrontierOutput.Point(v, true, ok, 0.83 * v, 0.186 - 0.4 * v, 0.142 - 0.6 * v,
                ok ? 0.04 : 1 + v * 10, ok ? "" : "targets not met: 'adjusted, reporting studies'"));
        }
        points.add(23, new FrontierOutput.Point(0.2243, false, true, 0.186, 0.21, 0.01, 1.0, ""));
        // a template path with no break opportunity, wider than a phone, as a user's deep folders give
        return new FrontierOutput(dir, "examples/" + "fluckiger2018_null_template_".repeat(3) + ".json",
            "examples/fluckiger2018-targets.json",
            "/model/paths/7/beta", "alliance -> outcome", "confounder", "The table allows population causal r from "
                + "0.000 to 0.186; a null world needs an unmeasured confounder with partial R2 0.186 and 0.142.", points);
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void nothingIsCutAtTheEdgesOfTheScreen(int width) throws Exception {
        Path dir = Path.of("target", "browser", "width-" + width).toAbsolutePath();
        Files.createDirectories(dir);
        Path a = ReportFixtures.write(dir.resolve("fluckiger2018"), "fluckiger2018", 0.2, 1);
        Path b = ReportFixtures.write(dir.resolve("fluckiger2018-null"), "fluckiger2018-null", 0.0, 2);
        String page = HtmlReport.build(List.of(SimulationOutputReader.read(a), SimulationOutputReader.read(b)),
            List.of(frontier(dir))).html();
        Path html = dir.resolve("report.html");
        AtomicFiles.write(html, page.getBytes(StandardCharsets.UTF_8));
        Path shot = dir.resolve("report-" + width + ".png");
        Files.deleteIfExists(shot);
        Chromium.Run run = Chromium.open(html, dir, "--hide-scrollbars", "--window-size=" + width + ",9000",
            "--screenshot=" + shot);
        assertEquals(0, run.code(), run.err());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(width, image.getWidth());
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                inked += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
            for (int x : new int[] {0, 1, 2, width - 3, width - 2, width - 1}) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF, "content at x = " + x + ", y = " + y
                    + " of the " + width + " px screenshot " + shot);
            }
        }
        assertTrue(inked > 0.03 * width * image.getHeight(), "a rendered page, not a blank one");
        assertEquals(List.of(), Chromium.consoleMessages(run.err()), "console messages");
    }
}
