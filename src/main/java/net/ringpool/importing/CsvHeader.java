package net.ringpool.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.ringpool.pool.CsvLayout;
import net.ringpool.pool.RingPoolField;

/**
 * The header row of an import file: its names as read and their canonical forms (trimmed, lower
 * case), in file order.
 *
 * @param firstDataLine the physical line where the first record after the header starts
 */
record CsvHeader(List<String> names, List<String> canonical, long firstDataLine) {

    static CsvHeader read(Path file, CsvOptions options) throws IOException {
        try (CsvRecordCursor cursor = CsvRecordCursor.open(file, options.format(), 1)) {
            CsvRecordCursor.Record header = cursor.next();
            if (header == null) {
                throw new IOException("the file is empty; it needs a header row");
            }
            if (header.problem() != null) {
                throw new IOException("the header row cannot be read: " + header.problem());
            }
            List<String> canonical = header.cells().stream().map(options::ourColumn).toList();
            return new CsvHeader(header.cells(), canonical, cursor.nextRecordLine());
        }
    }

    int size() {
        return names.size();
    }

    /** Required columns the header lacks, in the layout's order. */
    List<String> missingColumns(boolean networkGeneratesIds) {
        List<String> required = new ArrayList<>(CsvLayout.REQUIRED);
        if (!networkGeneratesIds) {
            required.add(2, RingPoolField.ID_FROM_NETWORK);
        }
        return required.stream().filter(column -> !canonical.contains(column)).toList();
    }

    /** Columns the layout does not know and does not ignore; an unnamed column is named by its position. */
    List<String> unknownColumns() {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < canonical.size(); i++) {
            String name = canonical.get(i);
            if (name.isEmpty()) {
                unknown.add("(unnamed column " + (i + 1) + ")");
            } else if (!CsvLayout.isKnown(name) && !CsvLayout.isIgnoredOnImport(name)) {
                unknown.add(names.get(i).strip());
            }
        }
        return unknown;
    }

    /** Columns that appear more than once (compared canonically). */
    List<String> duplicateColumns() {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String name : canonical) {
            if (!name.isEmpty() && !seen.add(name)) {
                duplicates.add(name);
            }
        }
        return List.copyOf(duplicates);
    }

    /**
     * The cells of a record by canonical column name, spreadsheet-formula prefixes removed; read-only,
     * outcome and unknown columns left out.
     */
    Map<String, String> values(List<String> cells) {
        // sized for every column up front: grown from the default, the table was rebuilt twice a row
        Map<String, String> values = new LinkedHashMap<>(canonical.size() * 4 / 3 + 1);
        for (int i = 0; i < canonical.size() && i < cells.size(); i++) {
            String name = canonical.get(i);
            if (CsvLayout.isImported(name)) {
                values.put(name, CsvLayout.restore(cells.get(i)));
            }
        }
        return values;
    }

    /** The position of each canonical name, for writing records of several files under one header. */
    Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < canonical.size(); i++) {
            positions.putIfAbsent(canonical.get(i), i);
        }
        return positions;
    }
}
