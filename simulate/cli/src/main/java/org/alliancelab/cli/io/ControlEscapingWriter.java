package org.alliancelab.cli.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows control characters as text ({@code \x1b}) instead of passing them to the terminal, so
 * that a hostile input file named in an error line (an ANSI escape in a study label, a NUL in
 * a file name) cannot move the cursor, recolour or rewrite the user's terminal. Tab, line feed
 * and carriage return pass (the progress bar needs the carriage return); other C0 controls,
 * DEL and the C1 controls (U+0080 to U+009F, which some terminals take as escapes) are escaped.
 */
public final class ControlEscapingWriter extends FilterWriter {

    /** @param out the writer to protect */
    public ControlEscapingWriter(Writer out) {
        super(out);
    }

    /**
     * @param c a character
     * @return whether it is shown escaped
     */
    static boolean escaped(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    @Override
    public void write(int c) throws IOException {
        if (escaped((char) c)) {
            out.write(String.format(java.util.Locale.ROOT, "\\x%02x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (escaped(cbuf[i])) {
                out.write(cbuf, start, i - start);
                write(cbuf[i]);
                start = i + 1;
            }
        }
        out.write(cbuf, start, off + len - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }
}
