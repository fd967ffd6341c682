package org.alliancelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancelab.simulate.scenario.Scenario;
import org.alliancelab.simulate.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scenarios}: lists the built-in scenarios with the first sentence of each description;
 * {@code scenarios show NAME} prints a built-in's JSON, to copy and edit.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
    description = {"List the built-in scenarios with one line each; 'scenarios show NAME' prints one's JSON "
        + "(save it to a file, edit it, and run it with simulate --scenario FILE)."})
public final class ScenariosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "show NAME", description = "'show' and a built-in name.")
    private List<String> args;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (args == null || args.isEmpty()) {
                int width = Scenario.builtInNames().stream().mapToInt(String::length).max().orElse(0);
                for (String name : Scenario.builtInNames()) {
                    o.printf("%-" + width + "s  %s%n", name, firstSentence(Scenario.builtIn(name)));
                }
                o.println();
                o.println("Print one to copy and edit: scenarios show NAME > my.json; run it: simulate --scenario my.json");
            } else if (args.size() == 2 && args.get(0).equals("show")) {
                o.print(Scenario.builtIn(args.get(1)).toJson());
                o.println();
            } else {
                err.println("alliance-lab scenarios: expected no argument or 'show NAME', got '" + String.join(" ", args)
                    + "'");
                return AllianceLab.EXIT_USER_ERROR;
            }
        } catch (ScenarioException e) {
            err.println("alliance-lab scenarios: " + e.getMessage());
            return AllianceLab.EXIT_USER_ERROR;
        }
        o.flush();
        return AllianceLab.EXIT_OK;
    }

    /**
     * The description's first sentence (up to a period followed by a capital, not after "et
     * al"), cut at a word boundary after 110 characters.
     */
    static String firstSentence(Scenario s) {
        String d = s.description();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\bal)\\.\\s+(?=[A-Z])").matcher(d);
        String first = m.find() ? d.substring(0, m.start() + 1) : d;
        if (first.length() > 110) {
            int cut = first.lastIndexOf(' ', 107);
            first = first.substring(0, cut > 0 ? cut : 107) + " ...";
        }
        return first;
    }
}
