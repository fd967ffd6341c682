package org.alliancelab.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: keeps rendered figures under target/plots for a person to look at (never in the repo). */
final class TargetFiles {

    private TargetFiles() {
    }

    static Path dir(String name) throws IOException {
        Path dir = Path.of("target", name);
        Files.createDirectories(dir);
        return dir;
    }

    static void save(String name, Figure figure) throws IOException {
        Path dir = dir("plots");
        figure.write(dir.resolve(name + ".svg"));
        figure.write(dir.resolve(name + ".png"));
    }
}
