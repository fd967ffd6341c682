package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.alliancelab.simulate.montecarlo.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bias methods a scenario lists run on each replication's published studies exactly as the
 * {@code bias} command runs them on the same studies (whose numbers match metafor in
 * {@code BiasCommandGoldenTest} and the core tests): the studies that {@code simulate
 * --save-studies} writes, given to {@code bias --selmodel 3psm}, give each replication's own
 * {@code egger.*}, {@code trimfill.*}, {@code selmodel_3psm.*} and {@code petpeese.*}, to 1e-10
 * (the correlations are tanh of bias's z-scale values).
 */
class BiasMethodsSimulationTest {
    @TempDir
    Path tmp;

    @Test
    void eachReplicationsBiasColumnsAreTheBiasCommandsOnItsStudies() throws Exception {
        Path out = tmp.resolve("run");
        CliRun s = CliRun.of("simulate", "--scenario", "selection", "--reps", "2", "--save-studies", "0,1",
            "--quiet", "--out", out.toString());
        assertEquals(0, s.exitCode(), s.err());
        List<List<String>> studies = CliRun.csvRows(out.resolve("studies.csv"));
        List<String> h = studies.get(0);
        List<List<String>> reps = CliRun.csvRows(out.resolve("replications.csv"));
        List<String> rh = reps.get(0);
        int checked = 0;
        // condition 0: no selection; 3: the 3PSM's own world at 66 studies; 7: the same at 295
        for (String condition : List.of("0", "3", "7")) {
            for (String rep : List.of("0", "1")) {
                StringBuilder csv = new StringBuilder("yi,vi\n");
                for (List<String> row : studies.subList(1, studies.size())) {
                    if (row.get(h.indexOf("condition")).equals(condition) && row.get(h.indexOf("replication")).equals(rep)) {
                        csv.append(row.get(h.indexOf("yi"))).append(',').append(row.get(h.indexOf("vi"))).append('\n');
                    }
                }
                List<String> record = reps.stream().filter(r -> r.get(rh.indexOf("condition")).equals(condition)
                    && r.get(rh.indexOf("replication")).equals(rep)).findFirst().orElseThrow();
                ToDoubleFunction<String> col = c -> Csv.parseNumber(record.get(rh.indexOf(c)));
                JsonNode b = bias(csv.toString());
                assertClose(b.at("/egger/pval").asDouble(), col.applyAsDouble("egger.p"));
                assertClose(Math.tanh(b.at("/egger/limit_estimate").asDouble()), col.applyAsDouble("egger.r"));
                assertClose(b.at("/trimfill/k0").asDouble(), col.applyAsDouble("trimfill.k0"));
                assertClose(Math.tanh(b.at("/trimfill/estimate").asDouble()), col.applyAsDouble("trimfill.r"));
                assertClose(b.at("/trimfill/tau2").asDouble(), col.applyAsDouble("trimfill.tau2"));
                assertClose(Math.tanh(b.at("/selmodel/estimate").asDouble()), col.applyAsDouble("selmodel_3psm.r"));
                assertClose(Math.tanh(b.at("/selmodel/ci_lb").asDouble()), col.applyAsDouble("selmodel_3psm.ci_lower"));
                assertClose(b.at("/selmodel/tau2").asDouble(), col.applyAsDouble("selmodel_3psm.tau2"));
                assertClose(b.at("/selmodel/intervals/1/delta").asDouble(), col.applyAsDouble("selmodel_3psm.weight"));
                assertClose(b.at("/selmodel/LRTp").asDouble(), col.applyAsDouble("selmodel_3psm.lrt_p"));
                assertClose(Math.tanh(b.at("/pet_peese/estimate").asDouble()), col.applyAsDouble("petpeese.r"));
                assertClose(b.at("/pet_peese/chosen").asText().equals("PEESE") ? 1 : 0, col.applyAsDouble("petpeese.peese"));
                assertClose(b.at("/pet_peese/pet/pval").asDouble(), col.applyAsDouble("petpeese.pet_p"));
                checked++;
            }
        }
        assertEquals(6, checked);
    }

    private static void assertClose(double expected, double actual) {
        assertTrue(Double.isFinite(expected), "a finite reference value");
        assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)));
    }

    private JsonNode bias(String csv) throws Exception {
        Path f = Files.createTempFile(tmp, "rep", ".csv");
        Files.writeString(f, csv);
        CliRun b = CliRun.of("bias", "--input", f.toString(), "--method", "REML", "--selmodel", "3psm",
            "--format", "json");
        assertEquals(0, b.exitCode(), b.err());
        return new ObjectMapper().readTree(b.out());
    }
}
