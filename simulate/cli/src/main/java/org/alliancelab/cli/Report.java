package org.alliancelab.cli;

import java.util.Map;

/** A command's finished result, printable as a summary for people or as one JSON object. */
interface Report {

    /** @return the values in JSON key order (maps, lists, strings, numbers; null where a value does not exist) */
    Map<String, Object> fields();

    /** @return {@link #fields()} as one pretty-printed JSON object and a line end */
    default String json() {
        return TextFormat.json(fields());
    }

    /**
     * @param digits decimals of the printed values
     * @return the readable summary
     */
    String text(int digits);
}
