package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A golden file (R metafor 3.8-1, copied from core; see src/test/resources/golden/README.md)
 * as the command line sees it: its studies written as a CSV file with the columns {@code r}
 * and {@code n} (from {@code ri}, {@code ni}) and every other input column kept (moderators,
 * cluster identifiers), and its cases of one kind.
 */
record GoldenStudies(String file, JsonNode root) {

    /**
     * The golden files with publication-bias and leave-one-out cases (metafor 3.8-1
     * {@code regtest}, {@code ranktest}, {@code trimfill}, {@code fsn}, {@code leave1out}).
     */
    static final List<String> DIAGNOSTICS_FILES = List.of("molloy2014.json", "cohen1981.json",
        "craft2003_acog.json", "edge_homogeneous.json", "synthetic_k300.json");

    static GoldenStudies load(String file) {
        return new GoldenStudies(file, GoldenCase.load(file));
    }

    JsonNode studies() {
        return root.get("studies");
    }

    /** @return the cases of a kind, in file order */
    List<JsonNode> cases(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            if (c.get("kind").asText().equals(kind)) {
                out.add(c);
            }
        }
        return out;
    }

    /** @return the one case of a kind with the given measure, method and test */
    JsonNode poolCase(String measure, String method, String test) {
        for (JsonNode c : cases("pool")) {
            if (c.get("measure").asText().equals(measure) && c.get("method").asText().equals(method)
                && c.get("test").asText().equals(test)) {
                return c;
            }
        }
        throw new AssertionError(file + ": no pool case " + measure + " " + method + " " + test);
    }

    /**
     * Writes the studies as CSV: {@code ri} as {@code r}, {@code ni} as {@code n}, the metafor
     * effect sizes ({@code yi_*}, {@code vi_*}) and {@code ti}/{@code mi} left out, every other
     * field kept under its name; text quoted.
     *
     * @param dir where to write
     * @return the CSV file
     */
    Path writeCsv(Path dir) {
        Path csv = dir.resolve(file.replace(".json", ".csv"));
        if (Files.exists(csv)) {
            return csv;
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = studies().get(0).fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith("yi_") && !name.startsWith("vi_") && !name.equals("ti") && !name.equals("mi")) {
                names.add(name);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", names.stream().map(GoldenStudies::columnName).toList()));
        for (JsonNode s : studies()) {
            List<String> cells = new ArrayList<>();
            for (String name : names) {
                JsonNode v = s.get(name);
                cells.add(v.isTextual() ? "\"" + v.asText().replace("\"", "\"\"") + "\"" : v.asText());
            }
            lines.add(String.join(",", cells));
        }
        try {
            Files.write(csv, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv;
    }

    private static String columnName(String field) {
        return switch (field) {
            case "ri" -> "r";
            case "ni" -> "n";
            default -> field;
        };
    }

    /** Runs a command that must succeed and returns its JSON output. */
    static JsonNode json(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals("", run.err(), () -> String.join(" ", args) + ": stderr");
        assertEquals(0, run.exitCode(), () -> String.join(" ", args) + ": exit code");
        try {
            return new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Relative tolerance, with an absolute floor for values near zero.
     *
     * @param what label
     * @param expected reference value
     * @param actual node holding the computed value (must be a number)
     * @param rel relative tolerance
     * @param abs absolute tolerance
     */
    static void assertClose(String what, double expected, JsonNode actual, double rel, double abs) {
        assertTrue(actual != null && actual.isNumber(), () -> what + ": expected a number, got " + actual);
        assertEquals(expected, actual.asDouble(), Math.max(rel * Math.abs(expected), abs), what);
    }
}
