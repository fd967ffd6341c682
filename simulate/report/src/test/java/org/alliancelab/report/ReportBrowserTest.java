package org.alliancelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.alliancelab.io.AtomicFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the report of two runs opened in a real headless Chromium (Debian's
 * {@code chromium}). Checks that the page renders (a screenshot with many colours and inked
 * pixels), that the browser's DOM holds every figure with its inline SVG and no external
 * resource, and that the page logs nothing to the console. Screenshots stay in target/browser.
 * Skipped, with a message, where /usr/bin/chromium is not installed.
 */
class ReportBrowserTest {

    static Path dir;
    static Path html;
    static List<String> expectedKinds;

    @BeforeAll
    static void writeReport() throws Exception {
        dir = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(dir);
        Path a = ReportFixtures.write(dir.resolve("fluckiger2018"), "fluckiger2018", 0.2, 1);
        Path b = ReportFixtures.write(dir.resolve("fluckiger2018-null"), "fluckiger2018-null", 0.0, 2);
        String page = HtmlReport.render(List.of(SimulationOutputReader.read(a), SimulationOutputReader.read(b)));
        html = dir.resolve("report.html");
        AtomicFiles.write(html, page.getBytes(StandardCharsets.UTF_8));
        expectedKinds = HtmlReportTest.plotKinds(page);
    }

    static Chromium.Run chromium(String... extra) throws IOException, InterruptedException {
        return Chromium.open(html, dir, extra);
    }

    @Test
    void screenshotShowsARenderedPageWithoutConsoleMessages() throws Exception {
        Path shot = dir.resolve("report.png");
        Files.deleteIfExists(shot);
        Chromium.Run run = chromium("--screenshot=" + shot);
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.size(shot) > 10_000, "screenshot written");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1200, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        // Anti-aliased text and the Okabe-Ito plot colours give hundreds of distinct colours;
        // a blank or unstyled error page gives a handful.
        assertTrue(colours.size() > 200, "distinct colours: " + colours.size());
        double share = inked / (double) ((image.getWidth() / 2) * (image.getHeight() / 2));
        assertTrue(share > 0.03, "share of non-white pixels: " + share);
        assertTrue(hasColour(image, 0x0072B2) && hasColour(image, 0xD55E00), "plot series colours on screen");
        assertEquals(List.of(), consoleMessages(run.err()), "console messages");
    }

    @Test
    void domHoldsEveryFigureWithItsSvg() throws Exception {
        Chromium.Run run = chromium("--dump-dom");
        assertEquals(0, run.code(), run.err());
        String dom = run.out();
        Matcher m = Pattern.compile("<figure class=\"plot\" data-plot=\"([^\"]+)\">\\s*<svg ").matcher(dom);
        List<String> rendered = new ArrayList<>();
        while (m.find()) {
            rendered.add(m.group(1));
        }
        assertEquals(expectedKinds, rendered, "every figure parsed by the browser with an <svg> inside");
        assertEquals(List.of("comparison", "causal-graph", "sampling-distribution", "rejection-rate", "coverage",
            "causal-graph", "sampling-distribution", "rejection-rate", "coverage"), rendered);
        assertTrue(!dom.contains("<img") && !dom.contains("<script") && !dom.contains("<link"), "nothing to load");
        assertEquals(List.of(), consoleMessages(run.err()), "console messages");
    }

    @Test
    void consoleDetectorSeesAnError() throws Exception {
        // The console check above is only meaningful if it can fail: a page that logs an error.
        Path bad = dir.resolve("console-error.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><script>console.error('planted error')</script></body></html>");
        Path saved = html;
        html = bad;
        try {
            Chromium.Run run = chromium("--dump-dom");
            assertEquals(1, consoleMessages(run.err()).size(), run.err());
        } finally {
            html = saved;
        }
    }

    static List<String> consoleMessages(String stderr) {
        return Chromium.consoleMessages(stderr);
    }

    static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
