package net.ringpool.importing;

import java.util.Map;

/**
 * One record of an import file.
 *
 * @param fileIndex the file's position among the files of the import, from 0
 * @param line the physical line where the record starts
 * @param values cells by canonical column name, formula prefixes removed; only columns import uses
 * @param problem why the record is malformed (naming its line), or null
 */
record CsvRow(int fileIndex, long line, Map<String, String> values, String problem) {

    String value(String column) {
        String value = values.get(column);
        return value == null ? "" : value;
    }
}
