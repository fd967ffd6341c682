package org.alliancelab.plot;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a {@link Figure} can be written in. */
public enum PlotFormat {
    /** Scalable vector graphics: crisp at any size, small, embeddable in HTML. */
    SVG("svg"),
    /** Portable network graphics, rendered at twice the nominal size for sharp text. */
    PNG("png");

    private final String extension;

    PlotFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    public String extension() {
        return extension;
    }

    /**
     * Chooses the format from a file name's extension (case-insensitive).
     *
     * @param file the output file
     * @return the format whose extension the file name ends with
     * @throws IllegalArgumentException when the extension is neither {@code .svg} nor {@code .png}
     */
    public static PlotFormat fromFileName(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (PlotFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
            "plot file " + file + ": extension must be .svg or .png");
    }
}
