package org.alliancelab.simulate.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancelab.simulate.model.ExpectedTruth;
import org.alliancelab.simulate.model.Path;
import org.alliancelab.simulate.model.StructuralModel;

/** Enumerates the combinations of moderator levels. */
final class ModeratorCells {
    /** Guard against accidental combinatorial explosion. */
    static final int MAX_CELLS = 4096;

    private ModeratorCells() {
    }

    static List<ModeratorCell> enumerate(StructuralModel model, List<Moderator> moderators) {
        int count = 1;
        for (Moderator m : moderators) {
            count *= m.levels().size();
        }
        List<ModeratorCell> cells = new ArrayList<>(count);
        int[] level = new int[moderators.size()];
        for (int c = 0; c < count; c++) {
            int rest = c;
            for (int m = moderators.size() - 1; m >= 0; m--) {
                int size = moderators.get(m).levels().size();
                level[m] = rest % size;
                rest /= size;
            }
            double probability = 1;
            List<Path> paths = new ArrayList<>();
            Map<String, Double> reliabilities = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            List<Integer> indices = new ArrayList<>();
            for (int m = 0; m < moderators.size(); m++) {
                ModeratorLevel l = moderators.get(m).levels().get(level[m]);
                probability *= l.probability();
                for (Path p : l.paths()) {
                    paths.removeIf(q -> q.from().equals(p.from()) && q.to().equals(p.to()));
                    paths.add(p);
                }
                reliabilities.putAll(l.reliabilities());
                names.put(moderators.get(m).name(), l.name());
                indices.add(level[m]);
            }
            StructuralModel cellModel = paths.isEmpty() && reliabilities.isEmpty()
                ? model : model.withOverrides(paths, reliabilities);
            cells.add(new ModeratorCell(c, indices, names, probability, cellModel, ExpectedTruth.of(cellModel)));
        }
        return cells;
    }
}
