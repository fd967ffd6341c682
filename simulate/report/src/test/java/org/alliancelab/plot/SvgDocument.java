package org.alliancelab.plot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test helper (also for the command line's --plot tests): a parsed SVG with look-ups by element id and simple geometry readers. */
public final class SvgDocument {

    public final Document doc;

    private SvgDocument(Document doc) {
        this.doc = doc;
    }

    public static SvgDocument parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // No network: the SVG must not need a DTD.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return new SvgDocument(b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    }

    List<Element> all() {
        NodeList nodes = doc.getElementsByTagName("*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    public List<Element> byIdPrefix(String prefix) {
        List<Element> out = new ArrayList<>();
        for (Element e : all()) {
            if (e.getAttribute("id").startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }

    Element byId(String id) {
        for (Element e : all()) {
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    /** @return the centre (x, y) of the bounding box of the first shape in {@code e} or below it */
    static double[] centre(Element e) {
        for (Element shape : descendantsAndSelf(e)) {
            switch (shape.getTagName()) {
                case "ellipse", "circle":
                    return new double[] {attr(shape, "cx"), attr(shape, "cy")};
                case "rect":
                    return new double[] {attr(shape, "x") + attr(shape, "width") / 2,
                        attr(shape, "y") + attr(shape, "height") / 2};
                case "path": {
                    double[] xy = pathPoints(shape);
                    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE;
                    double minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
                    for (int i = 0; i + 1 < xy.length; i += 2) {
                        minX = Math.min(minX, xy[i]);
                        maxX = Math.max(maxX, xy[i]);
                        minY = Math.min(minY, xy[i + 1]);
                        maxY = Math.max(maxY, xy[i + 1]);
                    }
                    return new double[] {(minX + maxX) / 2, (minY + maxY) / 2};
                }
                default:
                    break;
            }
        }
        throw new AssertionError("no shape in " + e.getAttribute("id"));
    }

    static List<Element> descendantsAndSelf(Element e) {
        List<Element> out = new ArrayList<>();
        out.add(e);
        NodeList nodes = e.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** @return x1, y1, x2, y2 of the first line (or the first two points of the first path) in or below {@code e} */
    static double[] pathPointsOrLine(Element e) {
        for (Element shape : descendantsAndSelf(e)) {
            if (shape.getTagName().equals("line")) {
                return new double[] {attr(shape, "x1"), attr(shape, "y1"), attr(shape, "x2"), attr(shape, "y2")};
            }
            if (shape.getTagName().equals("path")) {
                return pathPoints(shape);
            }
        }
        throw new AssertionError("no line in " + e.getAttribute("id"));
    }

    /** @return the numbers in a path's d attribute, as x, y pairs */
    static double[] pathPoints(Element element) {
        Element path = element;
        // JFreeSVG wraps a filled path in a <g> that carries the id and the style.
        while (!path.getTagName().equals("path")) {
            path = (Element) path.getElementsByTagName("path").item(0);
        }
        String d = path.getAttribute("d").replaceAll("[A-Za-z]", " ").trim();
        String[] parts = d.split("[\\s,]+");
        double[] xy = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            xy[i] = Double.parseDouble(parts[i].toLowerCase(Locale.ROOT));
        }
        return xy;
    }
}
