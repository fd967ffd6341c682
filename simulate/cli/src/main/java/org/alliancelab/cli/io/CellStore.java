package org.alliancelab.cli.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a table's data rows in three arrays instead of a string per cell: their UTF-8
 * bytes end to end, the end offset of each cell, and each row's first line. A million-row file
 * then costs about twice its size in heap instead of twenty times (a {@code String} and its
 * list slot per cell); cells are decoded again when asked for. The rare rows whose cells start
 * on different lines (quoted fields spanning lines) keep their lines in a map.
 */
final class CellStore {

    /** Arrays stop short of {@link Integer#MAX_VALUE}, as the JDK's do. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final String source;
    private final int columns;
    private byte[] bytes = new byte[1 << 12];
    private int byteCount;
    private int[] ends = new int[1 << 10];
    private int cellCount;
    private int[] rowLines = new int[1 << 8];
    private int rowCount;
    private final Map<Integer, int[]> spanning = new HashMap<>();

    CellStore(String source, int columns) {
        this.source = source;
        this.columns = columns;
    }

    /** Appends one row of exactly {@code columns} cells; its first cell starts on lines[0]. */
    void add(List<String> cells, int[] lines) {
        for (String cell : cells) {
            append(cell);
        }
        if (rowCount == rowLines.length) {
            rowLines = Arrays.copyOf(rowLines, grown(rowLines.length, 1, "rows"));
        }
        for (int line : lines) {
            if (line != lines[0]) {
                spanning.put(rowCount, lines.clone());
                break;
            }
        }
        rowLines[rowCount++] = lines[0];
    }

    private void append(String cell) {
        int n = cell.length();
        if (byteCount + 3L * n > bytes.length) {
            // a char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4)
            bytes = Arrays.copyOf(bytes, grown(bytes.length, byteCount + 3L * n - bytes.length, "bytes of cell text"));
        }
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            bytes[byteCount + i] = (byte) c;
        }
        if (ascii) {
            byteCount += n;
        } else {
            byte[] utf8 = cell.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(utf8, 0, bytes, byteCount, utf8.length);
            byteCount += utf8.length;
        }
        if (cellCount == ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, 1, "cells"));
        }
        ends[cellCount++] = byteCount;
    }

    /** A length by half again, at least {@code needed} more, refusing what an array cannot hold. */
    private int grown(int length, long needed, String what) {
        long target = Math.max(length + needed, length + (length >> 1));
        if (length + needed > MAX_LENGTH) {
            throw InputException.inFile(source, "too large to read: more than " + MAX_LENGTH + " " + what
                + " (split the file)");
        }
        return (int) Math.min(target, MAX_LENGTH);
    }

    /** Drops the spare capacity once every row is in. */
    void trim() {
        bytes = Arrays.copyOf(bytes, byteCount);
        ends = Arrays.copyOf(ends, cellCount);
        rowLines = Arrays.copyOf(rowLines, rowCount);
    }

    int rows() {
        return rowCount;
    }

    String cell(int row, int column) {
        int c = row * columns + column;
        int start = c == 0 ? 0 : ends[c - 1];
        return new String(bytes, start, ends[c] - start, StandardCharsets.UTF_8);
    }

    int line(int row) {
        return rowLines[row];
    }

    int lineOf(int row, int column) {
        int[] lines = spanning.get(row);
        return lines == null ? rowLines[row] : lines[column];
    }
}
