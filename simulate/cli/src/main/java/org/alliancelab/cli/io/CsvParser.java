package org.alliancelab.cli.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits comma-separated text into records (RFC 4180 with the usual tolerances): fields may be
 * quoted with {@code "}, a doubled quote inside quotes stands for one quote, quoted fields may
 * span lines; lines end with LF, CRLF or CR; a leading byte-order mark is dropped; blank lines
 * (anywhere, typically at the end) are skipped; unquoted fields are trimmed of spaces and tabs.
 *
 * <p>Each field remembers the physical line on which it starts, so that errors point where an
 * editor shows the value.
 */
final class CsvParser {

    /** One record: its fields and the physical line on which each starts. */
    record Record(List<String> fields, int[] lines) {
        int firstLine() {
            return lines[0];
        }
    }

    private final String source;
    private final String text;
    private int pos;
    private int line = 1;

    private CsvParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * @param source the file name for error messages
     * @param text the whole file content
     * @return the non-blank records in order
     * @throws InputException on an unterminated quoted field or text after a closing quote
     */
    static List<Record> parse(String source, String text) {
        return new CsvParser(source, text).records();
    }

    private List<Record> records() {
        if (text.startsWith("\uFEFF")) {
            pos = 1;
        }
        List<Record> out = new ArrayList<>();
        while (pos < text.length()) {
            Record r = record();
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Reads one record up to and including its line end; null for a blank line. */
    private Record record() {
        List<String> fields = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        boolean anyQuoted = false;
        while (true) {
            skipBlanks();
            lines.add(line);
            if (pos < text.length() && text.charAt(pos) == '"') {
                anyQuoted = true;
                fields.add(quoted());
            } else {
                fields.add(unquoted());
            }
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
                continue;
            }
            // c is a line end (quoted() and unquoted() stop only at ',' or a line end)
            consumeLineEnd();
            break;
        }
        if (!anyQuoted && fields.size() == 1 && fields.get(0).isEmpty()) {
            return null;
        }
        int[] l = new int[lines.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = lines.get(i);
        }
        return new Record(List.copyOf(fields), l);
    }

    private String unquoted() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private String quoted() {
        int openLine = line;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw InputException.atLine(source, openLine, "quoted field is not closed (missing '\"')");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    sb.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\r' || c == '\n') {
                int before = pos;
                consumeLineEnd();
                sb.append(text, before, pos);
                continue;
            }
            sb.append(c);
            pos++;
        }
        skipBlanks();
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ',' && c != '\n' && c != '\r') {
                throw InputException.atLine(source, line, "unexpected text after a closing quote: '" + c + "'");
            }
        }
        return sb.toString();
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void consumeLineEnd() {
        char c = text.charAt(pos++);
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
