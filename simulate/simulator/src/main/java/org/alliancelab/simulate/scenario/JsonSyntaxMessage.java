package org.alliancelab.simulate.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in the words of someone editing a scenario by hand, not the parser's:
 * Jackson's messages name its own features ("Feature 'ALLOW_COMMENTS' not enabled for parser")
 * and its token classes. Each rule turns one of its messages into a plain reason; a message no
 * rule knows keeps its first clause, without the parser's source and feature names.
 */
final class JsonSyntaxMessage {

    private record Rule(Pattern pattern, String reason) {
    }

    private static final String CHAR = "Unexpected character \\('(.)' \\(code \\d+\\)\\)";
    private static final List<Rule> RULES = List.of(
        rule(CHAR + ": maybe a \\(non-standard\\) comment.*", "comments are not allowed in JSON"),
        rule("Unexpected character \\('\\.' \\(code 46\\)\\): expected a valid value.*",
            "a number needs a digit before its decimal point (write 0.85, not .85)"),
        rule("Unexpected character \\('[}\\]]' \\(code \\d+\\)\\): expected a valid value.*",
            "a value is missing (a comma before a closing bracket?)"),
        rule(CHAR + ": expected a valid value.*",
            "'$1' cannot start a value (a \"string\", number, object, array, true, false or null)"),
        rule("Unexpected character \\('}' \\(code 125\\)\\): was expecting double-quote to start field name",
            "a comma before the closing brace: remove it, or add the next \"key\": value"),
        rule("Unexpected character \\(''' \\(code 39\\)\\): was expecting double-quote.*",
            "keys and strings need double quotes, not single quotes"),
        rule(CHAR + ": was expecting double-quote to start field name",
            "a key must be a string in double quotes, found '$1'"),
        rule(CHAR + ": was expecting comma to separate Object entries",
            "a comma is missing between two entries of an object (found '$1')"),
        rule(CHAR + ": was expecting comma to separate Array entries",
            "a comma is missing between two values of an array (found '$1')"),
        rule(CHAR + ": was expecting a colon to separate field name and value",
            "a colon is missing after the key (found '$1')"),
        rule("Unexpected end-of-input: expected close marker for Object .*line: (\\d+), column: (\\d+)\\]\\).*",
            "the file ends before the object opened at line $1, column $2 is closed"),
        rule("Unexpected end-of-input: expected close marker for Array .*line: (\\d+), column: (\\d+)\\]\\).*",
            "the file ends before the array opened at line $1, column $2 is closed"),
        rule("Unexpected end-of-input.*", "the file ends in the middle of a value"),
        rule("Unexpected close marker '(.)': expected '(.)'.*line: (\\d+), column: (\\d+)\\]\\).*",
            "'$1' closes what was opened with the bracket at line $3, column $4: expected '$2'"),
        rule("Unrecognized token '(.*)': was expecting .*",
            "unknown word '$1' (strings need double quotes; the literals are true, false and null)"),
        rule("Non-standard token '(.*)'.*", "$1 is not a JSON number (write a finite number)"),
        rule("Invalid numeric value: Leading zeroes not allowed.*", "a number may not start with a zero (write 1, not 01)"),
        rule(CHAR + " in numeric value: JSON spec does not allow numbers to have plus signs.*",
            "a number may not start with '+'"),
        rule(CHAR + " in numeric value: (.*)", "a malformed number: $2"),
        rule("Duplicate field '(.*)'", "the key \"$1\" appears twice in one object"),
        rule("Illegal unquoted character \\(\\(CTRL-CHAR, code 10\\)\\).*",
            "a string is not closed before the end of its line (or contains a line break; write \\n)"),
        rule("Illegal unquoted character .*", "a string contains a control character (escape it, e.g. \\t)"),
        rule("Unrecognized character escape '(.)'.*", "unknown escape \\$1 in a string (a backslash is written \\\\)"));

    private JsonSyntaxMessage() {
    }

    private static Rule rule(String pattern, String reason) {
        return new Rule(Pattern.compile(pattern, Pattern.DOTALL), reason);
    }

    /**
     * @param parserMessage Jackson's original message (without location)
     * @return the reason in plain words
     */
    static String of(String parserMessage) {
        String m = parserMessage == null ? "" : parserMessage.trim();
        for (Rule r : RULES) {
            Matcher matcher = r.pattern().matcher(m);
            if (matcher.matches()) {
                // literal substitution: the reasons hold backslashes that are not regex syntax
                String out = r.reason();
                for (int g = matcher.groupCount(); g >= 1; g--) {
                    out = out.replace("$" + g, matcher.group(g) == null ? "" : matcher.group(g));
                }
                return out;
            }
        }
        // unknown: the first clause, without the parser's source and feature names
        String first = m.replaceAll("\\s*\\(?(start marker )?at \\[Source: [^\\]]*\\]\\)?", "")
            .replaceAll("[:;]?\\s*enable `[^`]*` to allow.*", "").replaceAll("\\s+", " ").trim();
        return first.isEmpty() ? "not valid JSON" : first;
    }
}
