package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancelab.simulate.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsEveryBuiltInWithOneLine() {
        CliRun r = CliRun.of("scenarios");
        assertEquals(0, r.exitCode(), r.err());
        for (String name : Scenario.builtInNames()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ") && l.length() > name.length() + 20),
                name + " in\n" + r.out());
        }
    }

    /** The printed JSON, saved and run as a file, is the same scenario as the built-in. */
    @Test
    void showPrintsJsonToCopyAndEdit() throws Exception {
        CliRun r = CliRun.of("scenarios", "show", "fluckiger2018");
        assertEquals(0, r.exitCode(), r.err());
        Path file = tmp.resolve("mine.json");
        Files.writeString(file, r.out());
        Scenario copy = Scenario.resolve(file.toString());
        Scenario builtIn = Scenario.builtIn("fluckiger2018");
        assertEquals(builtIn.toJson(), copy.toJson());
        assertEquals(builtIn.conditions().get(0).truth(), copy.conditions().get(0).truth());
    }

    @Test
    void unknownNameAndBadArgumentsAreOneLine() {
        CliRun r = CliRun.of("scenarios", "show", "nosuch");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("nosuch") && r.err().contains("fluckiger2018"), r.err());
        CliRun bad = CliRun.of("scenarios", "list", "all");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.errLines().size(), bad.err());
    }
}
