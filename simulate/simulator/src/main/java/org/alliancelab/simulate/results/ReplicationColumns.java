package org.alliancelab.simulate.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.alliancelab.simulate.montecarlo.io.Csv;

/**
 * Reads numeric columns of a run's {@code replications.csv} (the CSV dialect {@code simulate}
 * writes, {@link Csv}: RFC 4180, NaN as {@code NA}, infinities as {@code Inf}/{@code -Inf}),
 * per condition and replication.
 */
public final class ReplicationColumns {
    private ReplicationColumns() {
    }

    /**
     * @param file the {@code replications.csv} of a run
     * @param summary the run's summary (its conditions and number of replications)
     * @param column which columns to read, by name (e.g. {@code name -> name.endsWith(".r")})
     * @return condition index to column name to one value per replication (NaN where the
     *     file has none); empty when the file does not exist
     * @throws SimulationOutputException when the file is malformed (naming the row and field)
     * @throws IOException on a read error
     */
    public static Map<Integer, Map<String, double[]>> read(Path file, RunSummary summary, Predicate<String> column)
        throws SimulationOutputException, IOException {
        Map<Integer, Map<String, double[]>> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        int replications = summary.replications();
        Set<Integer> known = new HashSet<>();
        for (ConditionSummary c : summary.conditions()) {
            known.add(c.info().index());
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw SimulationOutputException.file(file, "empty file, expected a header");
            }
            List<String> names = split(file, 1, header);
            int conditionCol = names.indexOf("condition");
            int replicationCol = names.indexOf("replication");
            if (conditionCol < 0 || replicationCol < 0) {
                throw SimulationOutputException.csv(file, 1, conditionCol < 0 ? "condition" : "replication",
                    "required column is missing");
            }
            List<Integer> wanted = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (column.test(names.get(j))) {
                    wanted.add(j);
                }
            }
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = split(file, row, line);
                if (fields.size() != names.size()) {
                    throw SimulationOutputException.csv(file, row, "",
                        fields.size() + " fields, header has " + names.size());
                }
                int c = (int) integer(file, row, "condition", fields.get(conditionCol));
                int r = (int) integer(file, row, "replication", fields.get(replicationCol));
                if (!known.contains(c)) {
                    throw SimulationOutputException.csv(file, row, "condition",
                        "condition " + c + " is not in " + SummaryJson.FILE);
                }
                if (r < 0 || r >= replications) {
                    throw SimulationOutputException.csv(file, row, "replication",
                        "replication " + r + " outside 0.." + (replications - 1));
                }
                Map<String, double[]> byColumn = out.computeIfAbsent(c, k -> new LinkedHashMap<>());
                for (int j : wanted) {
                    double[] values = byColumn.computeIfAbsent(names.get(j), k -> {
                        double[] v = new double[replications];
                        Arrays.fill(v, Double.NaN);
                        return v;
                    });
                    values[r] = number(file, row, names.get(j), fields.get(j));
                }
            }
        }
        return out;
    }

    private static long integer(Path file, int row, String field, String text) throws SimulationOutputException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw SimulationOutputException.csv(file, row, field, "must be a whole number, got " + text);
        }
    }

    private static double number(Path file, int row, String field, String text) throws SimulationOutputException {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Csv.parseNumber(text);
        } catch (NumberFormatException e) {
            throw SimulationOutputException.csv(file, row, field, "must be a number, got " + text);
        }
    }

    private static List<String> split(Path file, int row, String line) throws SimulationOutputException {
        try {
            return Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw SimulationOutputException.csv(file, row, "", e.getMessage());
        }
    }
}
