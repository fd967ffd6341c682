package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a causal graph left to right: each node in the column of its longest path from a
 * source, so every arrow points right; arrows that skip a column bend away from the middle
 * so they do not run through other nodes. Observed nodes are boxes with their reliability,
 * unobserved ones dashed ellipses; the adjustment set has a thick border; the exposure and the
 * outcome are tinted and the exposure-outcome path is drawn thick. Each arrow carries its
 * standardized coefficient (and between-study SD).
 *
 * <p>Hand-drawn in Java2D: graph layout is not what charting libraries do, and this layered
 * layout is enough for the handful of nodes a scenario has. SVG ids: {@code node-NAME},
 * {@code edge-FROM-TO}.
 */
public final class CausalGraphPlot {

    private static final int MARGIN = 16;
    private static final int BOX_HEIGHT = 42;
    private static final int COLUMN_GAP = 90;
    private static final int ROW_GAP = 46;
    private static final Color EXPOSURE_TINT = new Color(0xD4E6F1);
    private static final Color OUTCOME_TINT = new Color(0xFBE3CC);

    private CausalGraphPlot() {
    }

    /**
     * @param graph the graph
     * @return the figure
     * @throws IllegalArgumentException when the graph has a cycle
     */
    public static Figure of(CausalGraph graph) {
        Map<String, Integer> layer = layers(graph);
        int columns = 0;
        for (int l : layer.values()) {
            columns = Math.max(columns, l + 1);
        }
        List<List<CausalGraph.Node>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>());
        }
        double boxWidth = 90;
        for (CausalGraph.Node n : graph.nodes()) {
            byColumn.get(layer.get(n.name())).add(n);
            boxWidth = Math.max(boxWidth, Style.textWidth(n.name(), Style.BOLD) + 24);
        }
        int rows = 1;
        for (List<CausalGraph.Node> col : byColumn) {
            rows = Math.max(rows, col.size());
        }
        double contentHeight = rows * BOX_HEIGHT + (rows - 1) * ROW_GAP;
        // Room above and below for arrows that bend around nodes, and a legend line.
        double top = MARGIN + 40;
        Map<String, double[]> centre = new HashMap<>();
        for (int c = 0; c < columns; c++) {
            List<CausalGraph.Node> col = byColumn.get(c);
            double colHeight = col.size() * BOX_HEIGHT + (col.size() - 1) * ROW_GAP;
            double y0 = top + (contentHeight - colHeight) / 2 + BOX_HEIGHT / 2.0;
            for (int i = 0; i < col.size(); i++) {
                double x = MARGIN + c * (boxWidth + COLUMN_GAP) + boxWidth / 2;
                centre.put(col.get(i).name(), new double[] {x, y0 + i * (BOX_HEIGHT + ROW_GAP)});
            }
        }
        String legend = "Boxes: observed (reliability); dashed: unobserved; thick border: adjusted for; "
            + "arrows: standardized paths (between-study SD)";
        int width = (int) Math.ceil(Math.max(2 * MARGIN + columns * boxWidth + (columns - 1) * COLUMN_GAP,
            2 * MARGIN + Style.textWidth(legend, Style.SMALL)));
        int height = (int) Math.ceil(top + contentHeight + 40 + 24 + MARGIN);
        double middle = top + contentHeight / 2;
        double bw = boxWidth;
        return Figure.ofPainter(width, height, (g2, id) -> {
            // ids by position, not by name: a name is the scenario author's text, an id must be a token
            for (int i = 0; i < graph.edges().size(); i++) {
                drawEdge(g2, id + "edge-" + i, graph, graph.edges().get(i), centre, layer, bw, middle);
            }
            for (int i = 0; i < graph.nodes().size(); i++) {
                CausalGraph.Node n = graph.nodes().get(i);
                drawNode(g2, id + "node-" + i, graph, n, centre.get(n.name()), bw);
            }
            g2.setFont(Style.SMALL);
            g2.setColor(Style.GREY);
            g2.drawString(legend, MARGIN, height - MARGIN);
        });
    }

    /** Longest-path layering (Kahn's algorithm). */
    static Map<String, Integer> layers(CausalGraph graph) {
        Map<String, Integer> indegree = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (CausalGraph.Node n : graph.nodes()) {
            indegree.put(n.name(), 0);
            children.put(n.name(), new ArrayList<>());
        }
        for (CausalGraph.Edge e : graph.edges()) {
            indegree.merge(e.to(), 1, Integer::sum);
            children.get(e.from()).add(e.to());
        }
        Map<String, Integer> layer = new HashMap<>();
        List<String> ready = new ArrayList<>();
        for (CausalGraph.Node n : graph.nodes()) {
            if (indegree.get(n.name()) == 0) {
                ready.add(n.name());
                layer.put(n.name(), 0);
            }
        }
        int seen = 0;
        while (!ready.isEmpty()) {
            String n = ready.remove(0);
            seen++;
            for (String child : children.get(n)) {
                layer.merge(child, layer.get(n) + 1, Math::max);
                if (indegree.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (seen != graph.nodes().size()) {
            throw new IllegalArgumentException("the causal graph has a cycle");
        }
        return layer;
    }

    /** Draws a node whose shape gets the element id {@code id}. */
    private static void drawNode(Graphics2D g2, String id, CausalGraph graph, CausalGraph.Node n, double[] c,
                                 double boxWidth) {
        boolean adjusted = graph.adjustment().contains(n.name());
        Color fill = n.name().equals(graph.exposure()) ? EXPOSURE_TINT
            : n.name().equals(graph.outcome()) ? OUTCOME_TINT : Color.WHITE;
        Shape shape = n.observed()
            ? new RoundRectangle2D.Double(c[0] - boxWidth / 2, c[1] - BOX_HEIGHT / 2.0, boxWidth, BOX_HEIGHT, 10, 10)
            : new Ellipse2D.Double(c[0] - boxWidth / 2, c[1] - BOX_HEIGHT / 2.0, boxWidth, BOX_HEIGHT);
        g2.setColor(fill);
        SvgIds.next(g2, id);
        g2.fill(shape);
        g2.setColor(Style.BLACK);
        g2.setStroke(!n.observed() ? Style.line(1, 1.2f) : new BasicStroke(adjusted ? 3f : 1.2f));
        g2.draw(shape);
        g2.setFont(Style.BOLD);
        g2.drawString(n.name(), (float) (c[0] - Style.textWidth(n.name(), Style.BOLD) / 2), (float) (c[1] - 2));
        String sub = !n.observed() ? "unobserved"
            : Double.isFinite(n.reliability()) ? String.format(Locale.ROOT, "reliability %.2f", n.reliability())
            : "observed";
        g2.setFont(Style.SMALL);
        g2.setColor(Style.GREY.darker());
        g2.drawString(sub, (float) (c[0] - Style.textWidth(sub, Style.SMALL) / 2), (float) (c[1] + 13));
    }

    /** Draws an edge whose curve gets the element id {@code id}. */
    private static void drawEdge(Graphics2D g2, String id, CausalGraph graph, CausalGraph.Edge e,
                                 Map<String, double[]> centre, Map<String, Integer> layer, double boxWidth,
                                 double middle) {
        double[] a = centre.get(e.from());
        double[] b = centre.get(e.to());
        int skip = layer.get(e.to()) - layer.get(e.from());
        double mx = (a[0] + b[0]) / 2;
        double my = (a[1] + b[1]) / 2;
        double[] control = {mx, my};
        if (skip >= 2) {
            // Bend away from the middle of the drawing, more for longer jumps.
            double sign = my <= middle ? -1 : 1;
            control[1] = my + sign * (BOX_HEIGHT * 0.9 + 18 * (skip - 1));
        }
        double[] start = boundary(a, control, boxWidth);
        double[] end = boundary(b, control, boxWidth);
        boolean focal = e.from().equals(graph.exposure()) && e.to().equals(graph.outcome());
        Color paint = focal ? Style.BLUE : Style.BLACK;
        g2.setColor(paint);
        g2.setStroke(new BasicStroke(focal ? 2.6f : 1.3f));
        SvgIds.next(g2, id);
        g2.draw(new QuadCurve2D.Double(start[0], start[1], control[0], control[1], end[0], end[1]));
        g2.fill(arrowHead(end, control, focal ? 11 : 9));
        // Coefficient label at the curve's midpoint.
        double lx = 0.25 * start[0] + 0.5 * control[0] + 0.25 * end[0];
        double ly = 0.25 * start[1] + 0.5 * control[1] + 0.25 * end[1];
        String label = e.sd() > 0
            ? String.format(Locale.ROOT, "%.2f (%.2f)", e.beta(), e.sd())
            : String.format(Locale.ROOT, "%.2f", e.beta());
        double w = Style.textWidth(label, Style.SMALL) + 6;
        g2.setColor(new Color(255, 255, 255, 230));
        g2.fill(new RoundRectangle2D.Double(lx - w / 2, ly - 8, w, 15, 4, 4));
        g2.setColor(paint);
        g2.setFont(Style.SMALL);
        g2.drawString(label, (float) (lx - w / 2 + 3), (float) (ly + 4));
    }

    /** The point where the ray from a node's centre towards {@code toward} leaves its box. */
    private static double[] boundary(double[] c, double[] toward, double boxWidth) {
        double dx = toward[0] - c[0];
        double dy = toward[1] - c[1];
        double tx = dx == 0 ? Double.POSITIVE_INFINITY : (boxWidth / 2 + 2) / Math.abs(dx);
        double ty = dy == 0 ? Double.POSITIVE_INFINITY : (BOX_HEIGHT / 2.0 + 2) / Math.abs(dy);
        double t = Math.min(tx, ty);
        return new double[] {c[0] + t * dx, c[1] + t * dy};
    }

    private static Shape arrowHead(double[] tip, double[] from, double size) {
        double angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(tip[0], tip[1]);
        p.lineTo(tip[0] - size * Math.cos(angle - 0.4), tip[1] - size * Math.sin(angle - 0.4));
        p.lineTo(tip[0] - size * Math.cos(angle + 0.4), tip[1] - size * Math.sin(angle + 0.4));
        p.closePath();
        return p;
    }
}
