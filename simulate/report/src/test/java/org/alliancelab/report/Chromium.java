package org.alliancelab.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in Debian's headless Chromium for the browser tests, with a fresh profile, no
 * network activity of its own and the page's console written to standard error. Skips the
 * calling test, with a message, where /usr/bin/chromium is not installed.
 */
public final class Chromium {
    /** Where Debian installs it. */
    public static final Path PATH = Path.of("/usr/bin/chromium");

    /**
     * @param code exit code
     * @param out standard output (the DOM with {@code --dump-dom})
     * @param err standard error (the console lines among the log)
     */
    public record Run(int code, String out, String err) {
        /** @return the page's console messages (errors, warnings, logs, CSP violations) */
        public List<String> consoleMessages() {
            return Chromium.consoleMessages(err);
        }
    }

    private Chromium() {
    }

    /**
     * @param page the HTML file
     * @param workDir where the profile and the captured output go
     * @param extra further switches, e.g. {@code --dump-dom} or {@code --screenshot=FILE}
     * @return what Chromium printed
     * @throws IOException when it cannot be started
     * @throws InterruptedException when interrupted
     */
    public static Run open(Path page, Path workDir, String... extra) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PATH), "Chromium not installed at " + PATH
            + " (Debian: apt-get install -y chromium); skipping the browser test");
        Path profile = Files.createTempDirectory(workDir, "profile");
        List<String> cmd = new ArrayList<>(List.of(PATH.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
            "--window-size=1200,2000"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Path out = Files.createTempFile(workDir, "chromium", ".out");
        Path err = Files.createTempFile(workDir, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * @param stderr Chromium's standard error
     * @return the lines of the page's console
     */
    public static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
}
