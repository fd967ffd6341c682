package org.alliancelab.cli.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits comma-separated text into records (RFC 4180 with the usual tolerances): fields may be
 * quoted with {@code "}, a doubled quote inside quotes stands for one quote, quoted fields may
 * span lines; lines end with LF, CRLF or CR; a leading byte-order mark is dropped; blank lines
 * (anywhere, typically at the end) are skipped; unquoted fields are trimmed of spaces and tabs.
 *
 * <p>The text is read in chunks and each record is handed on as soon as it ends, so that a
 * file is never held whole in memory. Each field remembers the physical line on which it
 * starts, so that errors point where an editor shows the value.
 */
final class CsvParser {

    /** Receives the non-blank records in order. */
    interface RecordSink {
        /**
         * @param fields the record's fields
         * @param lines the physical line on which each field starts
         */
        void record(List<String> fields, int[] lines);
    }

    private static final int BUFFER = 1 << 16;

    private final String source;
    private final Reader in;
    private final char[] buffer = new char[BUFFER];
    private int pos;
    private int limit;
    private int line = 1;
    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    private int[] lines = new int[8];

    private CsvParser(String source, Reader in) {
        this.source = source;
        this.in = in;
    }

    /**
     * @param source the file name for error messages
     * @param in the text (read to its end, not closed)
     * @param sink receives every non-blank record in order
     * @throws InputException on an unterminated quoted field or text after a closing quote
     * @throws IOException when reading fails (a {@link org.alliancelab.io.Utf8Text.MalformedException}
     *     for text that is not UTF-8)
     */
    static void parse(String source, Reader in, RecordSink sink) throws IOException {
        CsvParser p = new CsvParser(source, in);
        if (p.peek() == '\uFEFF') {
            p.pos++;
        }
        while (p.peek() >= 0) {
            p.record(sink);
        }
    }

    /** The next character without consuming it, or -1 at the end of the text. */
    private int peek() throws IOException {
        if (pos < limit) {
            return buffer[pos];
        }
        return fill() ? buffer[pos] : -1;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** Reads one record up to and including its line end; hands it on unless it is blank. */
    private void record(RecordSink sink) throws IOException {
        fields.clear();
        int count = 0;
        boolean anyQuoted = false;
        while (true) {
            skipBlanks();
            if (count == lines.length) {
                lines = java.util.Arrays.copyOf(lines, 2 * count);
            }
            lines[count++] = line;
            if (peek() == '"') {
                anyQuoted = true;
                fields.add(quoted());
            } else {
                fields.add(unquoted());
            }
            int c = peek();
            if (c < 0) {
                break;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            // c is a line end (quoted() and unquoted() stop only at ',' or a line end)
            consumeLineEnd();
            break;
        }
        if (!anyQuoted && count == 1 && fields.get(0).isEmpty()) {
            return;
        }
        sink.record(List.copyOf(fields), java.util.Arrays.copyOf(lines, count));
    }

    private String unquoted() throws IOException {
        field.setLength(0);
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            int start = pos;
            while (pos < limit) {
                char c = buffer[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            field.append(buffer, start, pos - start);
            if (pos < limit) {
                break;
            }
        }
        return strip(field);
    }

    /** {@link String#strip()} without first copying the untrimmed field. */
    private static String strip(StringBuilder sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && Character.isWhitespace(sb.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        return sb.substring(start, end);
    }

    private String quoted() throws IOException {
        int openLine = line;
        pos++; // opening quote
        field.setLength(0);
        while (true) {
            int c = peek();
            if (c < 0) {
                throw InputException.atLine(source, openLine, "quoted field is not closed (missing '\"')");
            }
            if (c == '"') {
                pos++;
                if (peek() == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\r' || c == '\n') {
                field.append((char) c);
                pos++;
                if (c == '\r' && peek() == '\n') {
                    field.append('\n');
                    pos++;
                }
                line++;
                continue;
            }
            field.append((char) c);
            pos++;
        }
        String value = field.toString();
        skipBlanks();
        int c = peek();
        if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
            throw InputException.atLine(source, line, "unexpected text after a closing quote: '" + (char) c + "'");
        }
        return value;
    }

    private void skipBlanks() throws IOException {
        int c;
        while ((c = peek()) == ' ' || c == '\t') {
            pos++;
        }
    }

    private void consumeLineEnd() throws IOException {
        int c = buffer[pos++];
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }
}
