package org.alliancelab.simulate.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.alliancelab.simulate.results.Failure;

/**
 * The text form of a replication's failures in CSV cells: {@code analysis: reason} items joined
 * by {@code " | "}; empty when nothing failed. Reasons are cleaned to one line without
 * {@code |} so that the text parses back.
 */
final class FailureText {
    private static final String SEPARATOR = " | ";

    private FailureText() {
    }

    static String clean(String reason) {
        return reason.replace('\n', ' ').replace('\r', ' ').replace('|', '/').trim();
    }

    static String format(List<Failure> failures) {
        StringBuilder sb = new StringBuilder();
        for (Failure f : failures) {
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(f.analysis()).append(": ").append(clean(f.reason()));
        }
        return sb.toString();
    }

    static List<Failure> parse(String text) {
        List<Failure> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String item : text.split(" \\| ", -1)) {
            int colon = item.indexOf(": ");
            if (colon < 0) {
                out.add(new Failure(item, ""));
            } else {
                out.add(new Failure(item.substring(0, colon), item.substring(colon + 2)));
            }
        }
        return out;
    }
}
