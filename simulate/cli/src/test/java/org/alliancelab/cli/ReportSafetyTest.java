package org.alliancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliancelab.report.Chromium;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report built from a scenario a colleague sent runs nothing. The scenario's name,
 * description, node names and moderator names and levels carry markup meant to break out of
 * every context of the page (element text, attribute values, SVG ids, CDATA, URLs), and control
 * characters. The report of that run, given twice, is parsed with jsoup as a browser would parse
 * it, and opened in headless Chromium: no script element, no event-handler attribute, no
 * {@code javascript:} URL, unique ids, the hostile names shown as text, the page's title
 * unchanged and nothing on the console.
 */
class ReportSafetyTest {
    /** The injected scripts would set the title to this. */
    private static final String PWNED = "pwned";
    private static final String SCRIPT = "<script>document.title='" + PWNED + "'</script>";
    private static final String SEVERITY = "sev\"><script>document.title='" + PWNED + "'</script><svg onload=alert(1)>";
    private static final String ALLIANCE = "alliance' onmouseover='alert(2)";
    private static final String OUTCOME = "out</svg></figure>" + SCRIPT + "]]>";
    private static final String MODERATOR = "m\"><img src=x onerror=alert(3)>";

    static Path dir;
    static Path report;
    static String html;

    @BeforeAll
    static void writeTheReport() throws Exception {
        dir = Files.createTempDirectory("report-safety");
        ObjectMapper json = new ObjectMapper();
        ObjectNode s = json.createObjectNode();
        s.put("name", "hostile</title>" + SCRIPT);
        s.put("description", "<iframe src=\"javascript:alert(4)\"></iframe> \u001b[31mred\u0007 ]]> </style>" + SCRIPT);
        s.put("replications", 10);
        ObjectNode model = s.putObject("model");
        ArrayNode nodes = model.putArray("nodes");
        for (String n : List.of(SEVERITY, ALLIANCE, OUTCOME)) {
            nodes.addObject().put("name", n);
        }
        ArrayNode paths = model.putArray("paths");
        paths.addObject().put("from", SEVERITY).put("to", ALLIANCE).put("beta", 0.2);
        paths.addObject().put("from", SEVERITY).put("to", OUTCOME).put("beta", 0.2);
        paths.addObject().put("from", ALLIANCE).put("to", OUTCOME).put("beta", 0.1);
        model.put("exposure", ALLIANCE).put("outcome", OUTCOME);
        model.putArray("adjustment").add(SEVERITY);
        ObjectNode design = s.putObject("design");
        design.put("studies", 20);
        design.putObject("sampleSize").put("distribution", "fixed").put("n", 60);
        design.putObject("adjustedReporting").put("fraction", 0.5);
        ObjectNode moderator = design.putArray("moderators").addObject().put("name", MODERATOR);
        ArrayNode levels = moderator.putArray("levels");
        levels.addObject().put("name", "javascript:alert(5)").put("probability", 0.5);
        levels.addObject().put("name", "late\u0000<b>").put("probability", 0.5);
        s.putArray("grid").addObject().put("path", "/model/paths/2/beta").putArray("levels").add(0.0).add(0.1);
        Path scenario = dir.resolve("hostile.json");
        Files.writeString(scenario, json.writeValueAsString(s));

        Path run = dir.resolve("run");
        CliRun sim = CliRun.of("simulate", "--scenario", scenario.toString(), "--quiet", "--out", run.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        report = dir.resolve("report.html");
        CliRun r = CliRun.of("report", run.toString(), run.toString(), "--out", report.toString());
        assertEquals(0, r.exitCode(), r.err());
        html = Files.readString(report, StandardCharsets.UTF_8);
    }

    @Test
    void theParsedPageHoldsNoScriptNoHandlerNoScriptUrlAndUniqueIds() {
        Document doc = Jsoup.parse(html);
        assertEquals(List.of(), doc.select("script").eachText(), "no script element");
        assertTrue(doc.select("iframe, img, object, embed, link, base, form").isEmpty(), "no element that loads");
        Set<String> ids = new HashSet<>();
        int checked = 0;
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                checked++;
                assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler " + a + " on <" + e.tagName() + ">");
                assertFalse(a.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"),
                    "script URL in " + a);
            }
            if (e.hasAttr("id")) {
                assertTrue(ids.add(e.id()), "id used twice: " + e.id());
                assertTrue(e.id().matches("[A-Za-z0-9_-]+"), "id is a token: " + e.id());
            }
        }
        assertTrue(checked > 1000 && ids.size() > 20, "the page was parsed: " + checked + " attributes, " + ids.size() + " ids");
        assertEquals(2, doc.select("section[id$=run]").size(), "both runs reported");
        assertTrue(doc.title().startsWith("alliance-lab report: hostile</title><script>"), doc.title());
        String text = doc.text();
        assertTrue(text.contains(MODERATOR) && text.contains("javascript:alert(5)"), "hostile names are shown as text");
        // the node names are drawn in the causal graph's SVG text
        assertTrue(doc.select("svg text").eachText().contains(OUTCOME), "the outcome's name drawn as text");
        Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertTrue(csp != null && csp.attr("content").contains("script-src 'none'")
            && csp.attr("content").contains("default-src 'none'"), "a policy that forbids scripts and loads");
    }

    @Test
    void chromiumRunsNoScriptAndLogsNothing() throws Exception {
        Chromium.Run run = Chromium.open(report, dir, "--dump-dom");
        assertEquals(0, run.code(), run.err());
        Document dom = Jsoup.parse(run.out());
        assertTrue(dom.title().startsWith("alliance-lab report: hostile"), "the title is the report's: " + dom.title());
        assertFalse(run.out().contains("<title>" + PWNED), "an injected script rewrote the title");
        assertEquals(List.of(), run.consoleMessages(), "console messages");
    }

    @Test
    void theDetectorsCanFail() throws Exception {
        // an injected script that runs is seen: both by the parser check and by Chromium
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><title>alliance-lab report: x</title></head><body>"
            + "<svg><g id=\"a\"></g></svg>" + SCRIPT + "</body></html>");
        assertEquals(1, Jsoup.parse(Files.readString(bad)).select("script").size());
        Chromium.Run run = Chromium.open(bad, dir, "--dump-dom");
        assertTrue(run.out().contains("<title>" + PWNED + "</title>"), "the planted script ran: " + run.out());
    }
}
