package org.alliancelab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.alliancelab.io.AtomicFiles;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A finished drawing of fixed nominal size (in CSS pixels) that renders, through the same
 * Java2D code, to SVG (via JFreeSVG's {@link SVGGraphics2D}) and to PNG (via a
 * {@link BufferedImage}). Rendering needs no display: the JVM is put in headless mode before
 * AWT starts, and only logical fonts ({@code SansSerif}) are used.
 */
public final class Figure {

    static {
        // A plotting library never opens windows; make that explicit so servers without a
        // display work even when DISPLAY happens to be set.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** PNG pixels per nominal pixel: 2 gives sharp text on high-density screens. */
    static final double PNG_SCALE = 2.0;

    private final int width;
    private final int height;
    private final Painter painter;

    /** Draws a figure; {@code idPrefix} starts every SVG element id it sets. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g2, String idPrefix);
    }

    private Figure(int width, int height, Painter painter) {
        this.width = width;
        this.height = height;
        this.painter = painter;
    }

    /**
     * @param width nominal width in pixels, positive
     * @param height nominal height in pixels, positive
     * @param painter draws the figure on a canvas whose user space is
     *     [0, width] x [0, height]; must not keep the graphics object
     * @return the figure
     * @throws IllegalArgumentException for a non-positive size
     */
    public static Figure of(int width, int height, Consumer<Graphics2D> painter) {
        Objects.requireNonNull(painter, "painter");
        return ofPainter(width, height, (g2, idPrefix) -> painter.accept(g2));
    }

    static Figure ofPainter(int width, int height, Painter painter) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("figure size must be positive: " + width + "x" + height);
        }
        return new Figure(width, height, Objects.requireNonNull(painter, "painter"));
    }

    /** @return nominal width in pixels */
    public int width() {
        return width;
    }

    /** @return nominal height in pixels */
    public int height() {
        return height;
    }

    /**
     * Renders the figure as an {@code <svg>} element with a view box, so it scales when
     * embedded in HTML. Every internal id (clip paths, gradients) starts with {@code idPrefix},
     * which keeps several figures inlined in one HTML page from clashing.
     *
     * @param idPrefix prefix of the element id and of every definition id, e.g. "forest-"
     * @return the SVG element text
     */
    public String toSvgElement(String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix);
        // Two decimals of a pixel are plenty and keep the files small.
        g2.setGeomDoubleConverter(Figure::twoDecimals);
        g2.setTransformDoubleConverter(Figure::fourDecimals);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
            RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paintOnWhite(g2, idPrefix);
        return g2.getSVGElement(idPrefix + "svg", true, new ViewBox(0, 0, width, height), null, null);
    }

    /** @return a complete standalone SVG document (no DOCTYPE, so no parser fetches a DTD) */
    public String toSvgDocument() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + toSvgElement("fig-") + "\n";
    }

    /** @return the figure as PNG bytes at {@link #PNG_SCALE} times its nominal size */
    public byte[] toPng() {
        int w = (int) Math.ceil(width * PNG_SCALE);
        int h = (int) Math.ceil(height * PNG_SCALE);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.scale(PNG_SCALE, PNG_SCALE);
            paintOnWhite(g2, "png-");
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Renders the figure in {@code format}.
     *
     * @param format SVG or PNG
     * @return the file content
     */
    public byte[] render(PlotFormat format) {
        return switch (format) {
            case SVG -> toSvgDocument().getBytes(StandardCharsets.UTF_8);
            case PNG -> toPng();
        };
    }

    /**
     * Writes the figure atomically in the format named by the file's extension.
     *
     * @param file output file ending in .svg or .png
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for another extension
     */
    public void write(Path file) throws IOException {
        write(file, PlotFormat.fromFileName(file));
    }

    /**
     * Writes the figure atomically.
     *
     * @param file output file
     * @param format the format, whatever the extension
     * @throws IOException when the file cannot be written
     */
    public void write(Path file, PlotFormat format) throws IOException {
        AtomicFiles.write(file, render(format));
    }

    static String twoDecimals(double v) {
        return trimmed(String.format(java.util.Locale.ROOT, "%.2f", v));
    }

    static String fourDecimals(double v) {
        return trimmed(String.format(java.util.Locale.ROOT, "%.4f", v));
    }

    private static String trimmed(String s) {
        String t = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return t.equals("-0") ? "0" : t;
    }

    private void paintOnWhite(Graphics2D g2, String idPrefix) {
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, width, height);
        painter.paint(g2, idPrefix);
    }
}
