package org.alliancelab.plot;

import java.awt.Graphics2D;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Names SVG elements so that tests and readers can find a plot's parts (a study marker, the
 * pooled diamond) in the output. A no-op on raster canvases.
 */
final class SvgIds {

    private SvgIds() {
    }

    /** Gives the next element drawn on {@code g2} the id {@code id}. */
    static void next(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_ID, id);
        }
    }

    /** Opens a {@code <g id="...">} group. */
    static void beginGroup(Graphics2D g2, String id) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
        }
    }

    /** Closes the innermost group. */
    static void endGroup(Graphics2D g2) {
        if (g2 instanceof SVGGraphics2D) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
        }
    }
}
