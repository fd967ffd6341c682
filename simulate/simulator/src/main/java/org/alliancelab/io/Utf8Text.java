package org.alliancelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
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
 * "Input length = 1"). A leading byte-order mark is dropped. {@link #decode(byte[])} decodes
 * a whole file held in memory, {@link #reader(InputStream)} a stream of any length in chunks.
 */
public final class Utf8Text {

    /** A byte sequence that is not UTF-8 (an {@link IOException}, so that a reader can throw it). */
    public static final class MalformedException extends IOException {
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

    /**
     * A reader decoding the stream strictly as UTF-8, in chunks, without a leading byte-order
     * mark. Its {@code read} methods throw a {@link MalformedException} naming the line of the
     * first byte that is not UTF-8, as {@link #decode(byte[])} does; the stream is closed with
     * the reader.
     *
     * @param in the stream, read from its current position
     * @return the reader (not buffered beyond the decoder's chunk; not thread-safe)
     */
    public static Reader reader(InputStream in) {
        return new StrictReader(in);
    }

    /** Decodes chunk by chunk, counting the line ends it has produced for the error message. */
    private static final class StrictReader extends Reader {
        private static final int CHUNK = 1 << 16;

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
        private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
        private boolean endOfInput;
        private boolean first = true;
        /** Line ends among the characters decoded so far. */
        private int lineEnds;

        StrictReader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, chars.remaining());
            chars.get(buffer, offset, n);
            return n;
        }

        /** Decodes the next characters into {@code chars}; false at the end of the stream. */
        private boolean fill() throws IOException {
            chars.clear();
            while (chars.position() == 0) {
                if (!bytes.hasRemaining() && endOfInput) {
                    CoderResult r = decoder.flush(chars);
                    if (r.isError()) {
                        malformed();
                    }
                    break;
                }
                if (!endOfInput) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
                CoderResult r = decoder.decode(bytes, chars, endOfInput);
                if (r.isError()) {
                    count(chars.position());
                    malformed();
                }
                if (endOfInput && !bytes.hasRemaining() && chars.position() == 0) {
                    CoderResult f = decoder.flush(chars);
                    if (f.isError()) {
                        malformed();
                    }
                    break;
                }
            }
            int produced = chars.position();
            count(produced);
            chars.flip();
            if (first && chars.hasRemaining()) {
                first = false;
                if (chars.get(0) == '\uFEFF') {
                    chars.get();
                }
            }
            return produced > 0;
        }

        private void count(int produced) {
            for (int i = 0; i < produced; i++) {
                lineEnds += chars.get(i) == '\n' ? 1 : 0;
            }
        }

        private void malformed() throws MalformedException {
            int value = bytes.hasRemaining() ? bytes.get(bytes.position()) & 0xff : 0;
            throw new MalformedException(lineEnds + 1, value);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
