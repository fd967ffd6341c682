package org.alliancelab.cli.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.alliancelab.io.Utf8Text;

/**
 * An immutable table of studies read from a CSV file with a header line: one row per study,
 * every column kept as text (the effect-size columns, and any others that later analyses use
 * as moderators or cluster identifiers). Typed access through {@link #column(String)} reports
 * bad cells as {@link InputException}s that name the file, the physical line and the column.
 *
 * <p>Accepted format: UTF-8 (a byte-order mark is ignored), comma-separated, the first non-blank
 * line is the header, fields may be quoted (see {@link CsvParser}), blank lines are skipped,
 * every row has as many fields as the header. Column names are case-sensitive and must be
 * unique; empty header names (R's {@code write.csv} row-name column) are allowed but cannot be
 * looked up. A table may have no rows; analyses that need studies check that themselves.
 */
public final class StudyTable {

    private final String source;
    private final int headerLine;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final CellStore cells;
    /** The file's row of each of this table's rows, or null when the table has every row. */
    private final int[] fileRows;

    private StudyTable(String source, int headerLine, List<String> columns, Map<String, Integer> index,
                       CellStore cells, int[] fileRows) {
        this.source = source;
        this.headerLine = headerLine;
        this.columns = columns;
        this.index = index;
        this.cells = cells;
        this.fileRows = fileRows;
    }

    /** The file's row (the store's) of this table's row. */
    private int fileRow(int row) {
        return fileRows == null ? row : fileRows[row];
    }

    /**
     * Reads a CSV file. Errors name the file as given by {@code file.toString()}.
     *
     * @param file the file
     * @return the table
     * @throws InputException when the file is missing, unreadable, not UTF-8, empty, or malformed
     */
    public static StudyTable read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw InputException.inFile(name, "is a directory, not a CSV file");
        }
        // streamed: the file is never held whole, as bytes or as text
        try (Reader in = Utf8Text.reader(Files.newInputStream(file))) {
            return read(name, in);
        } catch (NoSuchFileException e) {
            throw InputException.inFile(name, "file not found", e);
        } catch (AccessDeniedException e) {
            throw InputException.inFile(name, "permission denied", e);
        } catch (Utf8Text.MalformedException e) {
            throw InputException.atLine(name, e.line(), "not UTF-8 text (save the file as UTF-8 CSV)");
        } catch (IOException e) {
            throw InputException.inFile(name, "cannot read file: " + e.getMessage(), e);
        }
    }

    /**
     * Parses CSV text already in memory.
     *
     * @param source the name to use in error messages
     * @param text the CSV content
     * @return the table
     * @throws InputException when the text is empty or malformed
     */
    public static StudyTable parse(String source, String text) {
        try {
            return read(source, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to read", e);
        }
    }

    private static StudyTable read(String source, Reader in) throws IOException {
        Builder builder = new Builder(source);
        CsvParser.parse(source, in, builder);
        return builder.build();
    }

    /** Takes the header, then checks and stores each data row as the parser hands it on. */
    private static final class Builder implements CsvParser.RecordSink {
        private final String source;
        private List<String> names;
        private int headerLine;
        private Map<String, Integer> index;
        private CellStore cells;

        Builder(String source) {
            this.source = source;
        }

        @Override
        public void record(List<String> fields, int[] lines) {
            if (names == null) {
                header(fields, lines);
                return;
            }
            if (fields.size() != names.size()) {
                throw InputException.atLine(source, lines[0], "row has " + fields.size()
                    + " fields but the header has " + names.size() + " columns" + separatorHint(names));
            }
            cells.add(fields, lines);
        }

        private void header(List<String> fields, int[] lines) {
            names = fields;
            headerLine = lines[0];
            index = new HashMap<>();
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j);
                if (name.isEmpty()) {
                    continue;
                }
                Integer previous = index.putIfAbsent(name, j);
                if (previous != null) {
                    throw InputException.atCell(source, lines[j], name,
                        "duplicate column name (columns " + (previous + 1) + " and " + (j + 1) + " of the header)");
                }
            }
            cells = new CellStore(source, names.size());
        }

        StudyTable build() {
            if (names == null) {
                throw InputException.inFile(source, "file is empty (expected a header line such as 'study,r,n')");
            }
            cells.trim();
            return new StudyTable(source, headerLine, names, Collections.unmodifiableMap(index), cells, null);
        }
    }

    /** @return the file name used in error messages */
    public String source() {
        return source;
    }

    /** @return the physical line of the header (1 unless blank lines precede it) */
    public int headerLine() {
        return headerLine;
    }

    /** @return the column names in file order */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param name a column name (case-sensitive)
     * @return whether the header has it
     */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** @return the number of data rows */
    public int size() {
        return fileRows == null ? cells.rows() : fileRows.length;
    }

    /** @return the data rows in file order (a view; each row is made when asked for) */
    public List<Row> rows() {
        return new AbstractList<>() {
            @Override
            public Row get(int row) {
                Objects.checkIndex(row, StudyTable.this.size());
                return new Row(StudyTable.this, fileRow(row));
            }

            @Override
            public int size() {
                return StudyTable.this.size();
            }
        };
    }

    /** The text of one cell, decoded from the compact store. */
    String cell(int row, int column) {
        return cells.cell(fileRow(row), column);
    }

    /**
     * @param name a column name (case-sensitive)
     * @return the column
     * @throws InputException located at the header when there is no such column
     */
    public Column column(String name) {
        return findColumn(name).orElseThrow(() -> missingColumn(name, "required column is missing"));
    }

    /**
     * @param name a column name (case-sensitive)
     * @return the column, or empty when the header does not have it
     */
    public Optional<Column> findColumn(String name) {
        Integer j = index.get(name);
        return j == null ? Optional.empty() : Optional.of(new Column(this, name, j));
    }

    /**
     * An error about a column that is not in the header, listing the columns that are.
     *
     * @param name the missing column
     * @param problem what is wrong, e.g. "required column is missing"
     * @return the exception, located at the header line
     */
    public InputException missingColumn(String name, String problem) {
        return InputException.atCell(source, headerLine, name,
            problem + " (columns: " + String.join(", ", columns) + ")" + separatorHint(columns));
    }

    /**
     * An error about one cell.
     *
     * @param row zero-based data row
     * @param column the column name
     * @param problem what is wrong
     * @return the exception, located at the cell's line
     */
    public InputException cellError(int row, String column, String problem) {
        Integer j = index.get(column);
        int line = j == null ? cells.line(fileRow(row)) : cells.lineOf(fileRow(row), j);
        return InputException.atCell(source, line, column, problem);
    }

    /**
     * The table of some of the rows, e.g. the studies a model uses; each row keeps its line and
     * its {@link Row#index()}, so that errors and labels still name the file's rows.
     *
     * @param keep which rows to keep, one flag per row
     * @return the table of the kept rows, in file order
     */
    StudyTable rows(boolean[] keep) {
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        int[] kept = new int[n];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept[j++] = fileRow(i);
            }
        }
        return new StudyTable(source, headerLine, columns, index, cells, kept);
    }

    int indexOf(String column) {
        return index.get(column);
    }

    private static String separatorHint(List<String> names) {
        return names.size() == 1 && (names.get(0).contains(";") || names.get(0).contains("\t"))
            ? "; fields must be separated by commas" : "";
    }

    /**
     * One data row: its cells as text and where it is in the file.
     */
    public static final class Row {
        private final StudyTable table;
        private final int index;

        Row(StudyTable table, int index) {
            this.table = table;
            this.index = index;
        }

        /** @return zero-based position among the data rows of the file */
        public int index() {
            return index;
        }

        /** @return 1-based physical line on which the row starts */
        public int line() {
            return table.cells.line(index);
        }

        /** @return the cells in column order */
        public List<String> cells() {
            List<String> out = new ArrayList<>(table.columns.size());
            for (int j = 0; j < table.columns.size(); j++) {
                out.add(table.cells.cell(index, j));
            }
            return Collections.unmodifiableList(out);
        }

        int lineOf(int column) {
            return table.cells.lineOf(index, column);
        }
    }
}
