package org.alliancelab.meta.dependence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups indices by a label, in order of first appearance (R's unique()). */
final class Clusters {

    private Clusters() {
    }

    static Map<String, List<Integer>> byFirstAppearance(String[] labels) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("cluster of effect " + i + " is missing");
            }
            groups.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
        }
        return groups;
    }
}
