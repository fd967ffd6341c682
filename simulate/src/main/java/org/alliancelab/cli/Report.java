package org.alliancelab.cli;

/** A command's finished result, printable as a summary for people or as one JSON object. */
interface Report {

    /** @return one pretty-printed JSON object and a line end */
    String json();

    /**
     * @param digits decimals of the printed values
     * @return the readable summary
     */
    String text(int digits);
}
