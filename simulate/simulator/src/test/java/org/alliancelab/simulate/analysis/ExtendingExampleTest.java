package org.alliancelab.simulate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.alliancelab.simulate.engine.Engine;
import org.alliancelab.simulate.montecarlo.MonteCarloRunner;
import org.alliancelab.simulate.montecarlo.ScenarioDesign;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.alliancelab.simulate.results.ConditionInfo;
import org.alliancelab.simulate.results.RunSummary;
import org.alliancelab.simulate.scenario.Condition;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of docs/extending.md, compiled from the document and run: a library user's own
 * analysis runs in every replication, its measures reach the summary, and it changes no other
 * output.
 */
class ExtendingExampleTest {
    /** Relative to the simulator module directory, where Maven runs the tests. */
    private static final Path DOC = Path.of("..", "..", "docs", "extending.md");
    private static final int REPS = 30;

    @TempDir
    Path tmp;

    @Test
    void theDocumentedAnalysisCompilesRunsAndChangesNothingElse() throws Exception {
        Class<?> example = compileExample();
        Path with = tmp.resolve("with");
        Method main = example.getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {with.toString(), "causal", Integer.toString(REPS)});
        Path without = tmp.resolve("without");
        MonteCarloRunner.of(ScenarioDesign.of(Scenario.resolve("causal").withReplications(REPS), Engine.SUFFICIENT))
            .run(without);

        List<List<String>> a = csv(with.resolve("replications.csv"));
        List<List<String>> b = csv(without.resolve("replications.csv"));
        List<String> header = a.get(0);
        List<String> expectedHeader = new ArrayList<>(b.get(0));
        expectedHeader.addAll(expectedHeader.size() - 1, List.of("egger.z", "egger.p", "egger.limit_r"));
        assertEquals(expectedHeader, header, "the analysis's columns come after the built-ins'");
        assertEquals(b.size(), a.size());
        int p = header.indexOf("egger.p");
        int alphaRejections = 0;
        int tested = 0;
        for (int row = 1; row < a.size(); row++) {
            List<String> x = new ArrayList<>(a.get(row));
            double pValue = Csv.parseNumber(x.get(p));
            assertTrue(pValue >= 0 && pValue <= 1, "p in [0, 1]: " + pValue);
            if (x.get(0).equals("0")) {
                tested++;
                alphaRejections += pValue < 0.05 ? 1 : 0;
            }
            x.subList(p - 1, p + 2).clear();
            assertEquals(b.get(row), x, "every built-in value is unchanged, row " + row);
        }
        RunSummary summary = RunSummary.read(with);
        assertEquals(REPS, tested);
        assertEquals((double) alphaRejections / tested, summary.conditions().get(0).value("egger", "rejection_rate"),
            1e-15, "rejection rate recounted from replications.csv");
        assertFalse(Double.isNaN(summary.conditions().get(0).value("egger", "mean_limit_r")));
    }

    @Test
    void aBrokenAnalysisStopsTheRunAndWritesNoSummary() {
        Analysis broken = new Analysis() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ColumnGroup> columns() {
                return List.of(new ColumnGroup("broken", List.of("a", "b")));
            }

            @Override
            public List<MeasureSpec> measures(ConditionInfo condition) {
                return List.of(new MeasureSpec.Mean("broken", "mean_a", "broken.a"));
            }

            @Override
            public Computation newComputation(Condition condition, RecordLayout layout) {
                ColumnWriter w = layout.writer(columns().get(0));
                return (data, record, failures) -> w.write(record, 1.0);
            }
        };
        ScenarioDesign design = ScenarioDesign.of(Scenario.resolve("causal").withReplications(5), Engine.SUFFICIENT,
            List.of(broken));
        Path out = tmp.resolve("broken");
        assertThrows(ColumnMismatchException.class, () -> MonteCarloRunner.of(design).run(out));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void analysesWithTheSameNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioDesign.of(Scenario.resolve("causal"),
            Engine.SUFFICIENT, List.of(StudyCounts.of())));
    }

    private Class<?> compileExample() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- EXTENDING-EXAMPLE-BEGIN -->");
        int end = doc.indexOf("<!-- EXTENDING-EXAMPLE-END -->");
        assertTrue(begin >= 0 && end > begin, "markers in " + DOC);
        String block = doc.substring(begin, end);
        String code = block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```"));
        Path src = tmp.resolve("src/com/example/EggerAnalysis.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, code, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                List.of("-classpath", classPath, "-d", classes.toString(), "--release", "17"), null,
                files.getJavaFileObjects(src.toFile())).call();
            assertTrue(ok, "docs/extending.md example compiles: " + diagnostics.getDiagnostics());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("com.example.EggerAnalysis");
    }

    private static List<List<String>> csv(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(Csv.split(line));
        }
        return rows;
    }

}
