package net.ringpool.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's own spreadsheet layout: which of their column headers holds which of our CSV layout's
 * columns, and in which order their columns come. Read from a mapping file of {@code Their Header=our_column}
 * lines; blank lines and lines starting with {@code #} are ignored.
 *
 * <p>The mapping is the whole layout: export writes exactly the mapped columns, in the file's order, and a
 * column that is not mapped is left out. Their headers match case-insensitively and ignoring surrounding
 * white space, as our own headers do; a line {@code name=name} keeps one of our columns under its own name.
 * {@link #identity()} is our layout itself.
 */
public final class ColumnMapping {

    private final List<String> theirHeaders;
    private final List<String> ourColumns;
    private final Map<String, String> oursByTheirKey;
    private final Map<String, String> theirsByOurs;

    private ColumnMapping(List<String> theirHeaders, List<String> ourColumns) {
        this.theirHeaders = List.copyOf(theirHeaders);
        this.ourColumns = List.copyOf(ourColumns);
        Map<String, String> ours = new LinkedHashMap<>();
        Map<String, String> theirs = new LinkedHashMap<>();
        for (int i = 0; i < theirHeaders.size(); i++) {
            ours.put(key(theirHeaders.get(i)), ourColumns.get(i));
            theirs.put(ourColumns.get(i), theirHeaders.get(i));
        }
        this.oursByTheirKey = Collections.unmodifiableMap(ours);
        this.theirsByOurs = Collections.unmodifiableMap(theirs);
    }

    /** Our own layout: every column of {@link CsvLayout#columns()} under its own name. */
    public static ColumnMapping identity() {
        return new ColumnMapping(CsvLayout.columns(), CsvLayout.columns());
    }

    /**
     * Reads a mapping file (UTF-8, a byte-order mark is allowed).
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static ColumnMapping parse(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param source names the mapping in messages, e.g. its file name
     * @throws IllegalArgumentException naming the source and line of the first problem
     */
    public static ColumnMapping parse(List<String> lines, String source) {
        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        Map<String, Integer> lineOfTheir = new LinkedHashMap<>();
        Map<String, Integer> lineOfOur = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            // our column names never hold '=', so the last one separates: their header may contain one
            int equals = trimmed.lastIndexOf('=');
            if (equals < 0) {
                throw problem(source, lineNumber, "expected Their Header=our_column, got: " + trimmed);
            }
            String their = trimmed.substring(0, equals).strip();
            String our = CsvLayout.canonical(trimmed.substring(equals + 1));
            if (their.isEmpty()) {
                throw problem(source, lineNumber, "the header before '=' is empty");
            }
            if ("=+-@".indexOf(their.charAt(0)) >= 0) {
                throw problem(source, lineNumber, "the header '" + their
                        + "' starts with = + - or @, which a spreadsheet would run as a formula");
            }
            if (!CsvLayout.isKnown(our)) {
                throw problem(source, lineNumber, "'" + our + "' is not a column of the CSV layout; the columns are "
                        + String.join(", ", CsvLayout.columns()));
            }
            Integer earlierTheir = lineOfTheir.putIfAbsent(key(their), lineNumber);
            if (earlierTheir != null) {
                throw problem(source, lineNumber, "the header '" + their + "' is already mapped on line " + earlierTheir);
            }
            Integer earlierOur = lineOfOur.putIfAbsent(our, lineNumber);
            if (earlierOur != null) {
                throw problem(source, lineNumber, "the column '" + our + "' is already mapped on line " + earlierOur);
            }
            theirs.add(their);
            ours.add(our);
        }
        if (theirs.isEmpty()) {
            throw new IllegalArgumentException(source + ": the mapping maps no column");
        }
        return new ColumnMapping(theirs, ours);
    }

    /** Our column for one of their header cells, or empty when the mapping does not name that header. */
    public Optional<String> toOurs(String theirHeader) {
        return Optional.ofNullable(oursByTheirKey.get(key(theirHeader)));
    }

    /** Their header for one of our columns, or empty when the mapping leaves that column out. */
    public Optional<String> toTheirs(String ourColumn) {
        return Optional.ofNullable(theirsByOurs.get(CsvLayout.canonical(ourColumn)));
    }

    /** Their headers in their order: the header row export writes. */
    public List<String> theirHeaders() {
        return theirHeaders;
    }

    /** Our columns in their order: {@code ourColumns().get(i)} is held by {@code theirHeaders().get(i)}. */
    public List<String> ourColumns() {
        return ourColumns;
    }

    /** Our columns that import needs but this mapping leaves out, so a file in this layout cannot be imported back. */
    public List<String> missingForImport() {
        List<String> missing = new ArrayList<>();
        for (String required : CsvLayout.REQUIRED) {
            if (!theirsByOurs.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!theirsByOurs.containsKey(RingPoolField.ID_FROM_NETWORK)) {
            missing.add(RingPoolField.ID_FROM_NETWORK);
        }
        return missing;
    }

    /** A starting mapping file: every column of the layout under its own name, to rename, reorder or delete. */
    public static String template() {
        StringBuilder text = new StringBuilder();
        text.append("# ringpool-batch column mapping: one line per column of your spreadsheet, in its order:\n");
        text.append("#   Your Header=our_column\n");
        text.append("# Rename the part before '=' to your header, reorder the lines to reorder the columns, and\n");
        text.append("# delete the line of a column you do not want: export writes only the columns listed here.\n");
        text.append("# Headers match in any letter case. Import needs ").append(String.join(", ", CsvLayout.REQUIRED.subList(0, 2)))
                .append(",\n# ").append(String.join(", ", CsvLayout.REQUIRED.subList(2, CsvLayout.REQUIRED.size())))
                .append(" and, unless the network generates ids, id_from_network.\n");
        text.append("# The read-only columns (").append(String.join(", ", CsvLayout.READ_ONLY))
                .append(")\n# are written by export and ignored by import.\n");
        for (String column : CsvLayout.columns()) {
            text.append(column).append('=').append(column).append('\n');
        }
        return text.toString();
    }

    private static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException problem(String source, int line, String message) {
        return new IllegalArgumentException(source + " line " + line + ": " + message);
    }

    @Override
    public String toString() {
        return "ColumnMapping" + theirsByOurs;
    }
}
