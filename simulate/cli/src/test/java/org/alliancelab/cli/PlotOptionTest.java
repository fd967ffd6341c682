package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alliancelab.plot.SvgDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool --plot} and {@code bias --plot} end to end on golden/molloy2014.json's 16 studies:
 * the file is a well-formed SVG with one marker per study (and per filled study: as many as
 * the k0 the same run reports), or a PNG that decodes to a drawn image; a wrong extension or
 * an unwritable path is one line on stderr, exit code 2 and no file.
 */
class PlotOptionTest {

    @TempDir
    Path dir;

    private final GoldenStudies g = GoldenStudies.load("molloy2014.json");

    private static SvgDocument svg(Path file) throws Exception {
        SvgDocument doc = SvgDocument.parse(Files.readString(file));
        assertEquals("svg", doc.doc.getDocumentElement().getLocalName());
        return doc;
    }

    private static int countIds(SvgDocument doc, String prefix) {
        return doc.byIdPrefix(prefix).size();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void poolDrawsOneStudyMarkerPerStudyAndTheDiamond() throws Exception {
        Path csv = g.writeCsv(dir);
        Path plot = dir.resolve("forest.svg");
        JsonNode result = GoldenStudies.json("pool", "--input", csv.toString(), "--format", "json",
            "--plot", plot.toString());
        SvgDocument doc = svg(plot);
        int k = result.get("k").asInt();
        assertEquals(16, k);
        assertEquals(k, countIds(doc, "fig-study-marker-0-"));
        assertEquals(k, countIds(doc, "fig-study-ci-0-"));
        assertEquals(1, countIds(doc, "fig-pooled-diamond-"));
        assertEquals(1, countIds(doc, "fig-prediction-interval-"));
        String text = doc.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Axelsson et al. 2009"), "study labels");
    }

    @Test
    void poolByDrawsOnePanelPerSubgroup() throws Exception {
        Path csv = g.writeCsv(dir);
        Path plot = dir.resolve("forest-by.svg");
        JsonNode result = GoldenStudies.json("pool", "--input", csv.toString(), "--by", "controls",
            "--format", "json", "--plot", plot.toString());
        SvgDocument doc = svg(plot);
        JsonNode groups = result.get("groups");
        assertEquals(2, groups.size());
        for (int p = 0; p < groups.size(); p++) {
            assertEquals(groups.get(p).get("k").asInt(), countIds(doc, "fig-study-marker-" + p + "-"),
                "markers of subgroup " + groups.get(p).get("level").asText());
            assertEquals(1, countIds(doc, "fig-pooled-diamond-" + p));
        }
        String text = doc.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("multiple") && text.contains("none"), "panel titles are the levels");
        // the test of subgroup differences below the axis, with the JSON's statistic (golden: metafor)
        String note = doc.byIdPrefix("fig-note").get(0).getTextContent();
        assertTrue(note.startsWith(String.format(java.util.Locale.ROOT,
            "Test of subgroup differences: Qbetween(df = %d) = %.4f, p-val ", result.get("Qbetween_df").asInt(),
            result.get("Qbetween").asDouble())), note);
    }

    @Test
    void biasDrawsTheObservedAndAsManyFilledStudiesAsK0() throws Exception {
        Path csv = g.writeCsv(dir);
        Path plot = dir.resolve("funnel.svg");
        JsonNode result = GoldenStudies.json("bias", "--input", csv.toString(), "--format", "json",
            "--plot", plot.toString());
        SvgDocument doc = svg(plot);
        int k0 = result.get("trimfill").get("k0").asInt();
        assertTrue(k0 > 0, "molloy2014 has missing studies under L0 (metafor: k0 = 2)");
        assertEquals(result.get("k").asInt(), countIds(doc, "fig-chart-d0-s0-i"));
        assertEquals(k0, countIds(doc, "fig-chart-d0-s1-i"));
        String text = doc.doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("k0 = " + k0) && text.contains("Egger"), "legend");
    }

    @Test
    void pngIsADrawnImageAtTwiceTheNominalSize() throws Exception {
        Path csv = g.writeCsv(dir);
        for (String command : List.of("pool", "bias")) {
            Path plot = dir.resolve(command + ".PNG");
            CliRun run = CliRun.of(command, "--input", csv.toString(), "--plot", plot.toString());
            assertEquals(0, run.exitCode(), run.err());
            BufferedImage image = ImageIO.read(plot.toFile());
            assertNotNull(image, command + ": ImageIO reads the PNG");
            Set<Integer> colours = new HashSet<>();
            int inked = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    inked += rgb == 0xFFFFFF ? 0 : 1;
                }
            }
            assertTrue(colours.size() > 20, command + ": anti-aliased text and markers, got " + colours.size());
            assertTrue(inked > 1000, command + ": inked pixels " + inked);
        }
    }

    @Test
    void aWrongExtensionIsRefusedBeforeComputingWithOneLine() throws Exception {
        Path csv = g.writeCsv(dir);
        for (String command : List.of("pool", "bias")) {
            CliRun run = CliRun.of(command, "--input", csv.toString(), "--plot", dir.resolve("plot.pdf").toString());
            assertEquals(2, run.exitCode());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().contains("plot.pdf") && run.err().contains(".svg or .png"), run.err());
            assertEquals("", run.out(), "nothing computed or printed");
        }
        assertEquals(List.of("molloy2014.csv"), files());
    }

    @Test
    void anUnwritablePathIsOneLineAndNoFile() throws Exception {
        Path csv = g.writeCsv(dir);
        Path out = dir.resolve("result.txt");
        for (String command : List.of("pool", "bias")) {
            Path plot = dir.resolve("no-such-dir").resolve("plot.svg");
            CliRun run = CliRun.of(command, "--input", csv.toString(), "--plot", plot.toString(), "--out", out.toString());
            assertEquals(2, run.exitCode());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith(plot + ": cannot write: directory"), run.err());
            // a directory where the plot should go
            Path taken = Files.createDirectories(dir.resolve(command + ".svg"));
            run = CliRun.of(command, "--input", csv.toString(), "--plot", taken.toString());
            assertEquals(2, run.exitCode());
            assertEquals(List.of(taken + ": is a directory"), run.errLines());
        }
        assertFalse(Files.exists(out), "no --out file when the plot cannot be written");
        assertEquals(List.of("bias.svg", "molloy2014.csv", "pool.svg"), files());
    }

    @Test
    void poolRefusesPlotWithModerators() throws Exception {
        Path csv = g.writeCsv(dir);
        CliRun run = CliRun.of("pool", "--input", csv.toString(), "--mods", "meanage", "--plot",
            dir.resolve("forest.svg").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--mods"), run.err());
        assertEquals(List.of("molloy2014.csv"), files());
    }

    @Test
    void outputFilesAreReadableByAllLikeAnyNewFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path csv = g.writeCsv(dir);
        Path out = dir.resolve("pool.json");
        Path plot = dir.resolve("forest.svg");
        CliRun run = CliRun.of("pool", "--input", csv.toString(), "--format", "json", "--out", out.toString(),
            "--plot", plot.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(plot)));
    }
}
