package org.alliancelab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
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
     * Where everything goes: node boxes, each edge's quadratic curve and its label's box.
     *
     * @param width drawing width
     * @param height drawing height
     * @param boxWidth the width of every node box
     * @param centres node name to box centre
     * @param curves one curve per edge, in the graph's order
     * @param labels one label box per edge, in the graph's order
     * @param texts one label text per edge
     * @param legend the legend line
     */
    record Layout(int width, int height, double boxWidth, Map<String, double[]> centres, List<QuadCurve2D> curves,
                  List<Rectangle2D> labels, List<String> texts, String legend) {

        /** @return the node boxes, in the graph's node order */
        List<Rectangle2D> boxes(CausalGraph graph) {
            List<Rectangle2D> out = new ArrayList<>();
            for (CausalGraph.Node n : graph.nodes()) {
                double[] c = centres.get(n.name());
                out.add(new Rectangle2D.Double(c[0] - boxWidth / 2, c[1] - BOX_HEIGHT / 2.0, boxWidth, BOX_HEIGHT));
            }
            return out;
        }
    }

    /**
     * @param graph the graph
     * @return the figure
     * @throws IllegalArgumentException when the graph has a cycle
     */
    public static Figure of(CausalGraph graph) {
        Layout layout = layout(graph);
        return Figure.ofPainter(layout.width(), layout.height(), (g2, id) -> {
            // ids by position, not by name: a name is the scenario author's text, an id must be a token
            for (int i = 0; i < graph.edges().size(); i++) {
                drawEdge(g2, id + "edge-" + i, graph, graph.edges().get(i), layout.curves().get(i));
            }
            for (int i = 0; i < graph.nodes().size(); i++) {
                CausalGraph.Node n = graph.nodes().get(i);
                drawNode(g2, id + "node-" + i, graph, n, layout.centres().get(n.name()), layout.boxWidth());
            }
            // labels last, so no curve or box is drawn over one
            for (int i = 0; i < graph.edges().size(); i++) {
                drawLabel(g2, graph, graph.edges().get(i), layout.labels().get(i), layout.texts().get(i));
            }
            g2.setFont(Style.SMALL);
            g2.setColor(Style.GREY);
            g2.drawString(layout.legend(), MARGIN, layout.height() - MARGIN);
        });
    }

    /** The layered layout, each label placed where it covers no box, no other label and the fewest curves. */
    static Layout layout(CausalGraph graph) {
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
            boxWidth = Math.max(boxWidth, Math.max(Style.textWidth(n.name(), Style.BOLD),
                Style.textWidth(subtitle(n), Style.SMALL)) + 24);
        }
        int rows = 1;
        for (List<CausalGraph.Node> col : byColumn) {
            rows = Math.max(rows, col.size());
        }
        // a label between neighbouring columns needs the gap to fit beside the boxes
        double gap = COLUMN_GAP;
        for (CausalGraph.Edge e : graph.edges()) {
            if (layer.get(e.to()) - layer.get(e.from()) == 1) {
                gap = Math.max(gap, textWidth(label(e)) + 30);
            }
        }
        double columnGap = gap;
        double contentHeight = rows * BOX_HEIGHT + (rows - 1) * ROW_GAP;
        // Room above and below for arrows that bend around nodes, and a legend line.
        double top = MARGIN + 40;
        Map<String, double[]> centre = new HashMap<>();
        for (int c = 0; c < columns; c++) {
            List<CausalGraph.Node> col = byColumn.get(c);
            double colHeight = col.size() * BOX_HEIGHT + (col.size() - 1) * ROW_GAP;
            double y0 = top + (contentHeight - colHeight) / 2 + BOX_HEIGHT / 2.0;
            for (int i = 0; i < col.size(); i++) {
                double x = MARGIN + c * (boxWidth + columnGap) + boxWidth / 2;
                centre.put(col.get(i).name(), new double[] {x, y0 + i * (BOX_HEIGHT + ROW_GAP)});
            }
        }
        String legend = "Boxes: observed (reliability); dashed: unobserved; thick border: adjusted for; "
            + "arrows: standardized paths (between-study SD)"
            + (hasOverrides(graph) ? "; after |: a moderator level's value" : "")
            + (hasGrid(graph) ? "; grid: the levels a grid factor runs" : "");
        int width = (int) Math.ceil(Math.max(2 * MARGIN + columns * boxWidth + (columns - 1) * columnGap,
            2 * MARGIN + Style.textWidth(legend, Style.SMALL)));
        int height = (int) Math.ceil(top + contentHeight + 40 + 24 + MARGIN);
        double middle = top + contentHeight / 2;
        List<QuadCurve2D> curves = new ArrayList<>();
        for (CausalGraph.Edge e : graph.edges()) {
            curves.add(curve(e, centre, layer, boxWidth, middle));
        }
        List<Rectangle2D> obstacles = new ArrayList<>();
        for (double[] c : centre.values()) {
            obstacles.add(new Rectangle2D.Double(c[0] - boxWidth / 2, c[1] - BOX_HEIGHT / 2.0, boxWidth, BOX_HEIGHT));
        }
        List<Rectangle2D> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < graph.edges().size(); i++) {
            String text = label(graph.edges().get(i));
            Rectangle2D box = place(text, i, curves, obstacles);
            labels.add(box);
            obstacles.add(box);
            texts.add(text);
        }
        return new Layout(width, height, boxWidth, centre, curves, labels, texts, legend);
    }

    /** Positions along a curve tried for its label, the middle first. */
    private static final double[] LABEL_POSITIONS = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88};

    /**
     * The label box of curve {@code i}: on the curve where it overlaps no box or placed label
     * and crosses the fewest other curves, trying the positions along it, the middle first;
     * where every such place is taken, just above or below the curve. Boxes and labels count far
     * more than curves, so a label covers a curve only when there is no free place.
     */
    private static Rectangle2D place(String text, int i, List<QuadCurve2D> curves, List<Rectangle2D> obstacles) {
        double w = textWidth(text) + 6;
        double h = text.split("\n").length * LINE_HEIGHT + 2;
        QuadCurve2D q = curves.get(i);
        Rectangle2D best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double offset : new double[] {0, -(h / 2 + 2), h / 2 + 2}) {
            for (double t : LABEL_POSITIONS) {
                double[] p = point(q, t);
                Rectangle2D r = new Rectangle2D.Double(p[0] - w / 2, p[1] - h / 2 + offset, w, h);
                double score = 0;
                for (Rectangle2D o : obstacles) {
                    score += r.intersects(o) ? 1000 : 0;
                }
                for (int j = 0; j < curves.size(); j++) {
                    if (j != i) {
                        for (int k = 0; k <= 160; k++) {
                            double[] c = point(curves.get(j), k / 160.0);
                            score += r.contains(c[0], c[1]) ? 1 : 0;
                        }
                    }
                }
                // off the curve only to escape an overlap: prefer it to crossings, not to the curve
                score += offset == 0 ? 0 : 0.5;
                if (score < bestScore) {
                    bestScore = score;
                    best = r;
                }
            }
            if (bestScore < 1000) {
                break;
            }
        }
        return best;
    }

    private static double[] point(QuadCurve2D q, double t) {
        double u = 1 - t;
        return new double[] {u * u * q.getX1() + 2 * u * t * q.getCtrlX() + t * t * q.getX2(),
            u * u * q.getY1() + 2 * u * t * q.getCtrlY() + t * t * q.getY2()};
    }

    private static boolean hasGrid(CausalGraph graph) {
        return graph.edges().stream().anyMatch(e -> !e.grid().isEmpty())
            || graph.nodes().stream().anyMatch(n -> !n.grid().isEmpty());
    }

    private static boolean hasOverrides(CausalGraph graph) {
        return graph.edges().stream().anyMatch(e -> !e.overrides().isEmpty())
            || graph.nodes().stream().anyMatch(n -> !n.overrides().isEmpty());
    }

    /**
     * An edge's label, one line each: its coefficient (SD), then each moderator level's, e.g.
     * {@code 0.25} over {@code | late 0.40}. A coefficient a grid factor sets is labelled with the
     * grid's levels, {@code grid 0 / 0.15 / 0.3} (the model's own value runs in no condition).
     */
    static String label(CausalGraph.Edge e) {
        StringBuilder s = new StringBuilder(e.grid().isEmpty() ? coefficient(e.beta(), e.sd())
            : "grid " + levels(e.grid()) + (e.sd() > 0 ? String.format(Locale.ROOT, " (%.2f)", e.sd()) : ""));
        for (CausalGraph.Override o : e.overrides()) {
            s.append("\n| ").append(o.level()).append(' ').append(coefficient(o.value(), o.sd()));
        }
        return s.toString();
    }

    private static double textWidth(String lines) {
        double w = 0;
        for (String line : lines.split("\n")) {
            w = Math.max(w, Style.textWidth(line, Style.SMALL));
        }
        return w;
    }

    private static final int LINE_HEIGHT = 13;

    /** The most grid levels listed one by one; more are shown as their range. */
    private static final int MAX_LISTED_LEVELS = 4;

    /**
     * A grid's levels as short as they are exact: {@code 0 / 0.15 / 0.3}, or for many levels
     * their range and count, {@code 0 to 0.5 (6 levels)}.
     */
    static String levels(List<Double> levels) {
        if (levels.size() > MAX_LISTED_LEVELS) {
            double lo = levels.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double hi = levels.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            return plain(lo) + " to " + plain(hi) + " (" + levels.size() + " levels)";
        }
        return String.join(" / ", levels.stream().map(CausalGraphPlot::plain).toList());
    }

    /** v to at most three significant digits, no trailing zeros: 0, 0.15, 0.3. */
    private static String plain(double v) {
        return v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
            .toPlainString();
    }

    private static String coefficient(double beta, double sd) {
        return sd > 0 ? String.format(Locale.ROOT, "%.2f (%.2f)", beta, sd) : String.format(Locale.ROOT, "%.2f", beta);
    }

    /** A node's second line: unobserved, or its reliability and each moderator level's. */
    static String subtitle(CausalGraph.Node n) {
        if (!n.observed()) {
            return "unobserved";
        }
        StringBuilder s = new StringBuilder(!n.grid().isEmpty() ? "reliability grid " + levels(n.grid())
            : Double.isFinite(n.reliability()) ? String.format(Locale.ROOT, "reliability %.2f", n.reliability())
            : "observed");
        for (CausalGraph.Override o : n.overrides()) {
            s.append(" | ").append(o.level()).append(String.format(Locale.ROOT, " %.2f", o.value()));
        }
        return s.toString();
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
        String sub = subtitle(n);
        g2.setFont(Style.SMALL);
        g2.setColor(Style.GREY.darker());
        g2.drawString(sub, (float) (c[0] - Style.textWidth(sub, Style.SMALL) / 2), (float) (c[1] + 13));
    }

    /** The curve of an edge: straight between neighbouring columns, bent away from the middle otherwise. */
    private static QuadCurve2D curve(CausalGraph.Edge e, Map<String, double[]> centre, Map<String, Integer> layer,
                                     double boxWidth, double middle) {
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
        return new QuadCurve2D.Double(start[0], start[1], control[0], control[1], end[0], end[1]);
    }

    private static boolean focal(CausalGraph graph, CausalGraph.Edge e) {
        return e.from().equals(graph.exposure()) && e.to().equals(graph.outcome());
    }

    /** Draws an edge whose curve gets the element id {@code id}. */
    private static void drawEdge(Graphics2D g2, String id, CausalGraph graph, CausalGraph.Edge e, QuadCurve2D q) {
        boolean focal = focal(graph, e);
        g2.setColor(focal ? Style.BLUE : Style.BLACK);
        g2.setStroke(new BasicStroke(focal ? 2.6f : 1.3f));
        SvgIds.next(g2, id);
        g2.draw(q);
        g2.fill(arrowHead(new double[] {q.getX2(), q.getY2()}, new double[] {q.getCtrlX(), q.getCtrlY()},
            focal ? 11 : 9));
    }

    private static void drawLabel(Graphics2D g2, CausalGraph graph, CausalGraph.Edge e, Rectangle2D box, String text) {
        g2.setColor(new Color(255, 255, 255, 230));
        g2.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 4, 4));
        g2.setColor(focal(graph, e) ? Style.BLUE : Style.BLACK);
        g2.setFont(Style.SMALL);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            g2.drawString(lines[i], (float) (box.getX() + 3), (float) (box.getY() + 11 + i * LINE_HEIGHT));
        }
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
