package org.alliancelab.cli;

import java.util.List;
import org.alliancelab.cli.io.CompleteCases;
import org.alliancelab.cli.io.StudyData;
import picocli.CommandLine.Option;

/**
 * {@code --na omit|fail}: whether a model leaves out the studies with a missing value in its
 * moderator columns (the default, as metafor's {@code na.action = "na.omit"}) or refuses them.
 * Use as a picocli {@code @Mixin} in the commands that fit models on columns other than the
 * effect sizes.
 */
public final class NaOption {

    @Option(names = "--na", defaultValue = "omit", paramLabel = "omit|fail",
        description = "Studies with an empty or NA cell in a moderator column: omit leaves them out of the models "
            + "that use that column, saying which (metafor's na.action = \"na.omit\"); fail refuses the file "
            + "(default: ${DEFAULT-VALUE}).")
    private NaAction action;

    /** @return the action */
    NaAction action() {
        return action;
    }

    /**
     * @param data the studies of the file
     * @param columns the model's columns other than the effect sizes
     * @return the studies the model uses: with {@code omit} those with a value in every column; with
     *     {@code fail} all of them (the model then refuses a missing cell)
     * @throws org.alliancelab.cli.io.InputException when a column is not in the file, or no study is left
     */
    CompleteCases apply(StudyData data, List<String> columns) {
        return CompleteCases.of(data, action == NaAction.OMIT ? columns : List.of());
    }
}
