package org.alliancelab.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding of an input file that says where it fails: the line of the first
 * byte that is not UTF-8, so that the error can name it (the JDK's decoder says only
 * "Input length = 1"). A leading byte-order mark is dropped.
 */
public final class Utf8Text {

    /** A byte sequence that is not UTF-8. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @serial the 1-based line of the offending byte */
        private final int line;

        MalformedException(int line, int value) {
            super(String.format(Locale.ROOT, "not UTF-8 text: invalid byte 0x%02x on line %d", value, line));
            this.line = line;
        }

        /** @return the 1-based line of the first byte that is not UTF-8 */
        public int line() {
            return line;
        }
    }

    private Utf8Text() {
    }

    /**
     * @param bytes the file's content
     * @return the text, without a leading byte-order mark
     * @throws MalformedException naming the line of the first invalid byte
     */
    public static String decode(byte[] bytes) throws MalformedException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new MalformedException(line, bytes[at] & 0xff);
        }
        d.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
