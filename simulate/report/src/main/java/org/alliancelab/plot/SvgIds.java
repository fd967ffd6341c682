package org.alliancelab.plot;

import java.awt.Graphics2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Names SVG elements so that tests and readers can find a plot's parts (a study marker, the
 * pooled diamond) in the output. A no-op on raster canvases. Every id passes through
 * {@link #token}: JFreeSVG writes ids into attributes unescaped, so an id built from a
 * scenario's text could otherwise close the attribute and inject markup into the report.
 */
final class SvgIds {

    private SvgIds() {
    }

    /** Gives the next element drawn on {@code g2} the id {@code id}. */
    static void next(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_ID, token(id));
        }
    }

    /** Opens a {@code <g id="...">} group. */
    static void beginGroup(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, token(id));
        }
    }

    /**
     * @param id a wanted id
     * @return it with every character other than ASCII letters, digits, '-' and '_' replaced
     *     by '-', safe in any attribute and as a CSS selector
     */
    static String token(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                || c == '_';
            sb.append(safe ? c : '-');
        }
        return sb.toString();
    }

    /** Closes the innermost group. */
    static void endGroup(Graphics2D g2) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
        }
    }
}
