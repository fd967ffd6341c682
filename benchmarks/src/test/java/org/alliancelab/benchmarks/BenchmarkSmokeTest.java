package org.alliancelab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.alliancelab.benchmarks.bias.SelectionModelBenchmark;
import org.alliancelab.benchmarks.effectsize.EffectSizeBenchmark;
import org.alliancelab.benchmarks.pooling.FloorBenchmark;
import org.alliancelab.benchmarks.pooling.PoolingBenchmark;
import org.alliancelab.benchmarks.pooling.TailProbabilityBenchmark;
import org.alliancelab.benchmarks.regression.MetaRegressionBenchmark;
import org.alliancelab.benchmarks.simulation.ReplicationBenchmark;
import org.alliancelab.benchmarks.simulation.SimulateBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark method once, in process and briefly, with the smallest parameter values,
 * so that none rots (a benchmark that throws fails the run). Timings here mean nothing: the
 * benchmarks are measured with {@code java -jar benchmarks/target/benchmarks.jar}.
 */
class BenchmarkSmokeTest {

    /** Every class with {@code @Benchmark} methods; a new benchmark class must be added here. */
    private static final Class<?>[] BENCHMARKS = {
        PoolingBenchmark.class, FloorBenchmark.class, EffectSizeBenchmark.class, MetaRegressionBenchmark.class,
        ReplicationBenchmark.class, SimulateBenchmark.class, TailProbabilityBenchmark.class, SelectionModelBenchmark.class,
    };

    @Test
    void everyBenchmarkRunsOnceAndScores() throws RunnerException {
        Set<String> expected = new TreeSet<>();
        OptionsBuilder builder = new OptionsBuilder();
        for (Class<?> type : BENCHMARKS) {
            builder.include("^" + type.getName().replace(".", "\\.") + "\\.");
            for (Method m : type.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    expected.add(type.getName() + "." + m.getName());
                }
            }
        }
        Options options = builder
            .param("k", "16")
            .param("replications", "50")
            .param("df", "15")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(5))
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();

        // The smoke test measures nothing, so it need not wait for (or fail on) a real benchmark
        // run holding JMH's machine-wide lock.
        String ignoreLock = System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } finally {
            if (ignoreLock == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", ignoreLock);
            }
        }

        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            ran.add(result.getParams().getBenchmark());
            double score = result.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score),
                () -> result.getParams().getBenchmark() + " " + result.getParams() + " scored " + score);
        }
        assertEquals(expected, ran, "benchmark methods that did not run");
    }
}
