package org.alliancelab.simulate.montecarlo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of alliance-lab written into every output (from the Maven project version). */
public final class SoftwareVersion {
    private SoftwareVersion() {
    }

    /** @return e.g. {@code 0.1.0}; {@code unknown} when the build did not stamp it */
    public static String get() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return "alliance-lab " followed by the version */
    public static String label() {
        return "alliance-lab " + get();
    }
}
