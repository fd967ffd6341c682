package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The house style: the Okabe-Ito palette (distinguishable under the common colour-vision
 * deficiencies), always paired with a distinct marker shape and line dash so that series stay
 * apart in greyscale; logical fonts only, so any JVM renders the same text.
 *
 * <p>Okabe M, Ito K (2008). Color Universal Design: how to make figures and presentations that
 * are friendly to colorblind people. https://jfly.uni-koeln.de/color/
 */
final class Style {

    static final Color BLACK = new Color(0x000000);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color SKY_BLUE = new Color(0x56B4E9);
    static final Color BLUISH_GREEN = new Color(0x009E73);
    static final Color YELLOW = new Color(0xF0E442);
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    static final Color GREY = new Color(0x7F7F7F);
    static final Color LIGHT_GREY = new Color(0xE6E6E6);
    static final Color GRID = new Color(0xDDDDDD);

    /** Series colours in order: adjacent entries differ strongly in lightness too. */
    private static final Color[] SERIES = {BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK};

    private static final float[][] DASHES = {null, {6f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}, {12f, 4f}};

    static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private Style() {
    }

    /** @return the colour of series {@code i} (cycling) */
    static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** @return a line stroke of the given width with the dash pattern of series {@code i} */
    static Stroke line(int i, float width) {
        float[] dash = DASHES[Math.floorMod(i, DASHES.length)];
        return dash == null
            ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
            : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** @return a marker shape of half-size {@code s} centred at the origin for series {@code i} */
    static Shape marker(int i, double s) {
        switch (Math.floorMod(i, 5)) {
            case 0:
                return new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1:
                return new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
            case 2:
                return polygon(0, -s * 1.2, s * 1.1, s * 0.8, -s * 1.1, s * 0.8);
            case 3:
                return polygon(0, -s * 1.3, s * 1.3, 0, 0, s * 1.3, -s * 1.3, 0);
            default:
                return polygon(0, s * 1.2, s * 1.1, -s * 0.8, -s * 1.1, -s * 0.8);
        }
    }

    static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** @return the advance width of {@code text} in {@code font}, without needing a canvas */
    static double textWidth(String text, Font font) {
        return font.getStringBounds(text, FRC).getWidth();
    }
}
