package org.alliancelab.simulate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand editor's mistakes, read by the real parser: each gives its line, column and a plain
 * reason, never the parser's internals (its source, feature and token-class names).
 */
class JsonSyntaxMessageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": .85}|line 1, column 7: a number needs a digit before its decimal point (write 0.85, not .85)",
        "{// note\\n\"a\": 1}|line 1, column 2: comments are not allowed in JSON",
        "{\"a\": 1,}|line 1, column 9: a comma before the closing brace: remove it, or add the next \"key\": value",
        "{\"a\": 1 \"b\": 2}|line 1, column 9: a comma is missing between two entries of an object (found '\"')",
        "{\"a\": [1 2]}|line 1, column 10: a comma is missing between two values of an array (found '2')",
        "{'a': 1}|line 1, column 2: keys and strings need double quotes, not single quotes",
        "{a: 1}|line 1, column 2: a key must be a string in double quotes, found 'a'",
        "{\"a\" 1}|line 1, column 6: a colon is missing after the key (found '1')",
        "{\\n\"a\": 1|line 2, column 7: the file ends before the object opened at line 1, column 1 is closed",
        "{\"a\": [1, 2}|line 1, column 12: '}' closes what was opened with the bracket at line 1, column 7: expected ']'",
        "{\"a\": tru}|line 1, column 10: unknown word 'tru' (strings need double quotes; the literals are true, false and null)",
        "{\"a\": NaN}|line 1, column 10: NaN is not a JSON number (write a finite number)",
        "{\"a\": 01}|line 1, column 8: a number may not start with a zero (write 1, not 01)",
        "{\"a\": +1}|line 1, column 8: a number may not start with '+'",
        "{\"a\": [1,]}|line 1, column 10: a value is missing (a comma before a closing bracket?)",
        "{\"a\": 1, \"a\": 2}|line 1, column 13: the key \"a\" appears twice in one object",
        "{\"a\": \"x\\ny\"}|line 1, column 9: a string is not closed before the end of its line (or contains a line break; write \\n)",
        "{\"a\": \"\\q\"}|line 1, column 9: unknown escape \\q in a string (a backslash is written \\\\)",
        "{\"a\": @}|line 1, column 7: '@' cannot start a value (a \"string\", number, object, array, true, false or null)"})
    void plainReasons(String json, String expected) {
        // \\n in the table is a line break in the file; \\q and \\\\ stay backslashes
        String text = json.replace("\\n", "\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenario.readTree(text, "s.json"));
        assertEquals("s.json: malformed JSON at " + expected, e.getMessage());
        for (String internal : new String[] {"Source", "Feature", "JSON String", "code ", "`", "REDACTED"}) {
            assertFalse(e.getMessage().contains(internal), e.getMessage());
        }
    }
}
